// The container target: the CLI starts one SuiteCRM (+ MariaDB) for the whole run and hands the
// Playwright child a URL target plus CRM_* credentials in its environment, so fixtures/target.ts
// resolves it like any URL target (one instance shared by all workers, not one per worker).
import { HttpClient } from '../client/http.js';
import { OAuthClient } from '../client/oauth.js';
import { ConfigError } from '../config/errors.js';
import type { Profile } from '../profile/profile.js';
import { secrets } from '../redact/secrets.js';
import { checkTtl, DEFAULT_CONTAINER_TTL, expiresInMatches } from './definition.js';
export { containerMaxWait } from './definition.js';
import { SuiteCrmContainer, type Progress, type StartedSuiteCrm } from './suitecrm-container.js';
import { DEFAULT_SUITECRM_VERSION, resolveSource, versionTraits, type SuiteCrmSource } from './versions.js';

export interface ContainerTargetOptions {
  profile: Profile;
  suitecrmVersion?: string;
  /** --suitecrm-archive: a local source archive (else the pinned git tag). */
  archive?: string;
  /** --suitecrm-sha256: the archive's sum when docker/suitecrm/SHA256SUMS does not record it. */
  archiveSha256?: string;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  progress?: Progress;
}

export interface ContainerTarget {
  baseUrl: string;
  version: string;
  /** CRM_* variables for the Playwright child (secrets registered with the redactor). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Flag checks that must fail before anything starts (exit 2, one line). */
export function containerTargetOptions(o: ContainerTargetOptions): { version: string; source: SuiteCrmSource; accessSeconds: number; refreshSeconds: number } {
  const version = versionTraits(o.suitecrmVersion ?? DEFAULT_SUITECRM_VERSION).version;
  if (o.profile.dialect !== 'suitecrm-v8') throw new ConfigError(`--target container starts SuiteCRM; profile "${o.profile.name}" speaks ${o.profile.dialect}`);
  const source = resolveSource(version, o.archive, o.archiveSha256);
  const accessSeconds = o.accessTtlSeconds ?? DEFAULT_CONTAINER_TTL.accessSeconds;
  const refreshSeconds = o.refreshTtlSeconds ?? Math.max(DEFAULT_CONTAINER_TTL.refreshSeconds, accessSeconds);
  try {
    checkTtl(accessSeconds, refreshSeconds);
  } catch (e) {
    throw new ConfigError(`--access-ttl/--refresh-ttl: ${(e as Error).message}`);
  }
  return { version, source, accessSeconds, refreshSeconds };
}

/** One token request proves the lifetime override took effect (SuiteCRM would say 3600). */
async function verifyLifetime(started: StartedSuiteCrm, profile: Profile): Promise<void> {
  const oauth = new OAuthClient(new HttpClient(started.getBaseUrl()), profile, { ...started.getAdminCredentials(), client: started.getClientCredentials() }, secrets);
  const t = await oauth.obtain('password').catch((e: Error) => {
    throw new ConfigError(secrets.mask(`the SuiteCRM container started but its password client does not work: ${e.message}`));
  });
  const want = started.getTokenLifetimes().accessSeconds;
  if (!expiresInMatches(t.expiresIn, want)) {
    throw new ConfigError(`the SuiteCRM container issues expires_in ${t.expiresIn ?? 'none'}, not the ${want} s asked for: the token-lifetime override (docker/suitecrm/token-ttl.php.tpl) did not take effect on this release`);
  }
}

/** Ctrl-C or a kill while the instance runs still removes it (the reaper is off: docs/container.md). */
function stopOnSignal(stop: () => Promise<void>): () => void {
  const handler = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: removing the SuiteCRM containers…\n`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

export async function startContainerTarget(o: ContainerTargetOptions): Promise<ContainerTarget> {
  const { version, source, accessSeconds, refreshSeconds } = containerTargetOptions(o);
  const t0 = Date.now();
  const say = o.progress ?? ((l: string) => process.stderr.write(`[${Math.round((Date.now() - t0) / 1000)} s] ${l}\n`));
  const container = new SuiteCrmContainer(version).withTokenLifetimes(accessSeconds, refreshSeconds).withProgress(say);
  if (source.kind === 'archive') container.withArchive(source.file, source.sumFrom === 'given' ? source.sha256 : undefined);
  const started = await container.start().catch((e: Error) => {
    if (e instanceof ConfigError) throw e;
    // Builds, the installer dying, an engine that went away: one line (masked), exit 2.
    throw new ConfigError(secrets.mask(`the SuiteCRM ${version} container did not start: ${e.message.split('\n')[0]}`));
  });
  const release = stopOnSignal(() => started.stop());
  const stop = async () => {
    const t = Date.now();
    await started.stop();
    release();
    say(`SuiteCRM containers and network removed in ${Math.round((Date.now() - t) / 1000)} s`);
  };
  try {
    await verifyLifetime(started, o.profile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl: started.getBaseUrl(), version, env: started.harnessEnv(), stop };
}

export { SuiteCrmContainer, StartedSuiteCrm } from './suitecrm-container.js';
