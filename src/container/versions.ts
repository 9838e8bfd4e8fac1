// Which SuiteCRM the container target builds, and from what source. Data, not code paths: the
// image's build step (docker/suitecrm/fetch-source.sh) reads the same SHA256SUMS and SOURCES files.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { PROJECT_ROOT } from '../paths.js';

export const DOCKER_DIR = path.join(PROJECT_ROOT, 'docker');
export const SUITECRM_CONTEXT = path.join(DOCKER_DIR, 'suitecrm');
export const MARIADB_CONTEXT = path.join(DOCKER_DIR, 'mariadb');
export const BASE_IMAGE_SCRIPT = path.join(DOCKER_DIR, 'base', 'build.sh');
export const CHECKSUMS_FILE = path.join(SUITECRM_CONTEXT, 'SHA256SUMS');
export const SOURCES_FILE = path.join(SUITECRM_CONTEXT, 'SOURCES');

/** Pinned default: the release the observed facts (docs/container.md) were taken on. */
export const DEFAULT_SUITECRM_VERSION = '7.14.6';

export interface VersionTraits {
  version: string;
  /** 7.15 adds the authorization_code grant; 7.14.6 has no such grant. */
  authorizationCode: boolean;
}

const VERSION_SHAPE = /^7\.(1[45])\.(\d{1,2})$/;

export function versionTraits(version: string): VersionTraits {
  const m = VERSION_SHAPE.exec(version);
  if (!m) {
    throw new ConfigError(`--suitecrm-version must be a SuiteCRM 7.14.x or 7.15.x release such as ${DEFAULT_SUITECRM_VERSION}, got "${version}"`);
  }
  return { version, authorizationCode: m[1] === '15' };
}

/** Parses `sha256sum` output lines ("<64 hex>  <file>"); '#' lines are comments. */
export function parseChecksums(text: string, file = CHECKSUMS_FILE): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([0-9a-f]{64}) [ *]([\w.+-]+)$/.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: not a "<sha256>  <file>" line`);
    out.set(m[2]!, m[1]!);
  }
  return out;
}

export function recordedChecksum(fileName: string, sumsFile = CHECKSUMS_FILE): string | undefined {
  return parseChecksums(readFileSync(sumsFile, 'utf8'), sumsFile).get(fileName);
}

export interface GitSource {
  kind: 'git';
  version: string;
  tag: string;
  /** The commit the tag must point at: a moved tag is refused. */
  commit: string;
  repository: string;
}

export interface ArchiveSource {
  kind: 'archive';
  version: string;
  file: string;
  name: string;
  sha256: string;
  /** Where the expected sum came from. */
  sumFrom: 'given' | 'SHA256SUMS';
}

export type SuiteCrmSource = GitSource | ArchiveSource;

/** "<version> <tag> <commit> <repository>" lines of docker/suitecrm/SOURCES. */
export function pinnedGitSource(version: string, file = SOURCES_FILE): GitSource | undefined {
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const f = raw.trim().split(/\s+/);
    if (f[0] !== version || raw.trim().startsWith('#')) continue;
    if (f.length !== 4 || !/^[0-9a-f]{40}$/.test(f[2]!)) throw new Error(`${file}: malformed line for ${version}`);
    return { kind: 'git', version, tag: f[1]!, commit: f[2]!, repository: f[3]! };
  }
  return undefined;
}

export const ARCHIVE_SUFFIXES = ['.tar.xz', '.tar.gz', '.tgz', '.zip'] as const;

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A local archive the user names, checked before anything is built (the build checks again). */
export function archiveSource(version: string, file: string, givenSha256?: string, sumsFile = CHECKSUMS_FILE): ArchiveSource {
  const abs = path.resolve(file);
  const name = path.basename(abs);
  let isFile = false;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    /* reported below */
  }
  if (!isFile) throw new ConfigError(`--suitecrm-archive ${file}: no such file`);
  if (!ARCHIVE_SUFFIXES.some((s) => name.endsWith(s))) throw new ConfigError(`--suitecrm-archive ${file}: must be a ${ARCHIVE_SUFFIXES.join(', ')} archive`);
  if (!/^[\w.+-]+$/.test(name)) throw new ConfigError(`--suitecrm-archive ${file}: the file name may hold only letters, digits and . _ + -`);
  const given = givenSha256?.trim().toLowerCase();
  if (given !== undefined && !/^[0-9a-f]{64}$/.test(given)) throw new ConfigError(`--suitecrm-sha256 must be 64 hex digits, got "${givenSha256}"`);
  const want = given || recordedChecksum(name, sumsFile);
  if (!want) {
    throw new ConfigError(
      `--suitecrm-archive ${file}: no sha256 for ${name} in docker/suitecrm/SHA256SUMS; pass --suitecrm-sha256 <sum of the archive you built or downloaded>`,
    );
  }
  const got = sha256File(abs);
  if (got !== want) {
    throw new ConfigError(`--suitecrm-archive ${file}: sha256 is ${got}, but ${given ? '--suitecrm-sha256 says' : 'docker/suitecrm/SHA256SUMS records'} ${want}`);
  }
  return { kind: 'archive', version, file: abs, name, sha256: got, sumFrom: given ? 'given' : 'SHA256SUMS' };
}

/** The source the image is built from: the user's archive, else the pinned git tag. */
export function resolveSource(version: string, archive?: string, sha256?: string): SuiteCrmSource {
  versionTraits(version);
  if (archive) return archiveSource(version, archive, sha256);
  if (sha256) throw new ConfigError('--suitecrm-sha256 checks a --suitecrm-archive: give the archive too');
  const git = pinnedGitSource(version);
  if (!git) {
    throw new ConfigError(
      `no pinned source for SuiteCRM ${version} in docker/suitecrm/SOURCES: pass --suitecrm-archive FILE (with --suitecrm-sha256 unless SHA256SUMS records it), or add the release's tag and commit id there`,
    );
  }
  return git;
}

/** What identifies the source in the image's content hash. */
export function sourceIdentity(s: SuiteCrmSource): string {
  return s.kind === 'archive' ? `archive ${s.name} ${s.sha256}` : `git ${s.repository} ${s.tag} ${s.commit}`;
}

export function describeSource(s: SuiteCrmSource): string {
  return s.kind === 'archive' ? `${s.name} (sha256 ${s.sha256.slice(0, 12)}…, from ${s.sumFrom})` : `git tag ${s.tag} (commit ${s.commit.slice(0, 12)}) + composer install --no-dev`;
}
