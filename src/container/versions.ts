// Which SuiteCRM releases the container target builds, and what each needs. Data, not code paths:
// docker/suitecrm/Dockerfile reads the same SHA256SUMS file during the build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { PROJECT_ROOT } from '../paths.js';

export const DOCKER_DIR = path.join(PROJECT_ROOT, 'docker');
export const SUITECRM_CONTEXT = path.join(DOCKER_DIR, 'suitecrm');
export const CHECKSUMS_FILE = path.join(SUITECRM_CONTEXT, 'SHA256SUMS');

/** Pinned default: the release the workspace notes facts/suitecrm-7.14-observed.md was observed on. */
export const DEFAULT_SUITECRM_VERSION = '7.14.6';

export interface VersionTraits {
  version: string;
  /** Official release archive (includes vendor/, unlike the tag's source archive). */
  archiveName: string;
  archiveUrl: string;
  /** PHP line of the official php:<x>-apache image: 7.14 supports PHP 8.1–8.3. */
  phpVersion: string;
  /** 7.15 adds the authorization_code grant (vendors.md); 7.14.6 has no such grant. */
  authorizationCode: boolean;
}

const VERSION_SHAPE = /^7\.(1[45])\.(\d{1,2})$/;

export function versionTraits(version: string): VersionTraits {
  const m = VERSION_SHAPE.exec(version);
  if (!m) {
    throw new ConfigError(`--suitecrm-version must be a SuiteCRM 7.14.x or 7.15.x release such as ${DEFAULT_SUITECRM_VERSION}, got "${version}"`);
  }
  const archiveName = `SuiteCRM-${version}.zip`;
  return {
    version,
    archiveName,
    archiveUrl: `https://github.com/salesagility/SuiteCRM/releases/download/v${version}/${archiveName}`,
    phpVersion: '8.2',
    authorizationCode: m[1] === '15',
  };
}

/** Parses `sha256sum` output lines ("<64 hex>  <file>"); '#' lines are comments. */
export function parseChecksums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([0-9a-f]{64}) [ *]([\w.-]+)$/.exec(line);
    if (!m) throw new Error(`${CHECKSUMS_FILE}:${i + 1}: not a "<sha256>  <file>" line`);
    out.set(m[2]!, m[1]!);
  }
  return out;
}

export function recordedChecksum(version: string, file = CHECKSUMS_FILE): string | undefined {
  return parseChecksums(readFileSync(file, 'utf8')).get(versionTraits(version).archiveName);
}

export const SHA256_ENV = 'CRM_SUITECRM_SHA256';

/** The archive checksum the build verifies: the recorded one, else CRM_SUITECRM_SHA256 (e.g. a CI secret-less variable). */
export function archiveChecksum(version: string, env: NodeJS.ProcessEnv = process.env, file = CHECKSUMS_FILE): string | undefined {
  const recorded = recordedChecksum(version, file);
  if (recorded) return recorded;
  const given = env[SHA256_ENV]?.trim().toLowerCase();
  if (given && !/^[0-9a-f]{64}$/.test(given)) throw new ConfigError(`${SHA256_ENV} must be 64 hex digits (a sha256), got "${given}"`);
  return given || undefined;
}

/** Fails fast (exit 2) instead of a Docker build that fails minutes later. */
export function requireArchiveChecksum(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const sum = archiveChecksum(version, env);
  if (!sum) {
    const t = versionTraits(version);
    throw new ConfigError(
      `no sha256 of ${t.archiveName} in docker/suitecrm/SHA256SUMS: run docker/suitecrm/add-checksum.sh ${version} where github.com is reachable and commit the line, or set ${SHA256_ENV}`,
    );
  }
  return sum;
}
