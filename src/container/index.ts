// The container target: the CLI starts one SuiteCRM (+ MariaDB) for the whole run and hands the
// Playwright child a URL target plus CRM_* credentials in its environment, so fixtures/target.ts
// resolves it like any URL target (one instance shared by all workers, not one per worker).
import { HttpClient } from '../client/http.js';
import { OAuthClient } from '../client/oauth.js';
import { ConfigError } from '../config/errors.js';
import type { Profile } from '../profile/profile.js';
import { secrets } from '../redact/secrets.js';
import { checkTtl, DEFAULT_CONTAINER_TTL } from './definition.js';
import { SuiteCrmContainer, type Progress, type StartedSuiteCrm } from './suitecrm-container.js';
import { archiveChecksum, DEFAULT_SUITECRM_VERSION, requireArchiveChecksum, versionTraits } from './versions.js';

export const CONTAINER_TARGET_READY = true;

/** Default resolution picks the container only when the pinned release can be built (its checksum is known);
 * otherwise a machine with Docker would trade the embedded target for a build that fails. */
export function containerBuildable(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    return archiveChecksum(DEFAULT_SUITECRM_VERSION, env) !== undefined;
  } catch {
    return false;
  }
}

export interface ContainerTargetOptions {
  profile: Profile;
  suitecrmVersion?: string;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  progress?: Progress;
  env?: NodeJS.ProcessEnv;
}

export interface ContainerTarget {
  baseUrl: string;
  version: string;
  /** CRM_* variables for the Playwright child (secrets registered with the redactor). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Flag checks that must fail before anything starts (exit 2, one line). */
export function containerTargetOptions(o: ContainerTargetOptions): { version: string; accessSeconds: number; refreshSeconds: number } {
  const version = versionTraits(o.suitecrmVersion ?? DEFAULT_SUITECRM_VERSION).version;
  requireArchiveChecksum(version, o.env);
  if (o.profile.dialect !== 'suitecrm-v8') throw new ConfigError(`--target container starts SuiteCRM; profile "${o.profile.name}" speaks ${o.profile.dialect}`);
  const accessSeconds = o.accessTtlSeconds ?? DEFAULT_CONTAINER_TTL.accessSeconds;
  const refreshSeconds = o.refreshTtlSeconds ?? Math.max(DEFAULT_CONTAINER_TTL.refreshSeconds, accessSeconds);
  try {
    checkTtl(accessSeconds, refreshSeconds);
  } catch (e) {
    throw new ConfigError(`--access-ttl/--refresh-ttl: ${(e as Error).message}`);
  }
  return { version, accessSeconds, refreshSeconds };
}

/** One token request proves the lifetime override took effect (SuiteCRM would say 3600). */
async function verifyLifetime(started: StartedSuiteCrm, profile: Profile): Promise<void> {
  const oauth = new OAuthClient(new HttpClient(started.getBaseUrl()), profile, { ...started.getAdminCredentials(), client: started.getClientCredentials() }, secrets);
  const t = await oauth.obtain('password').catch((e: Error) => {
    throw new ConfigError(secrets.mask(`the SuiteCRM container started but its password client does not work: ${e.message}`));
  });
  const want = started.getTokenLifetimes().accessSeconds;
  if (t.expiresIn !== want) {
    throw new ConfigError(`the SuiteCRM container issues expires_in ${t.expiresIn ?? 'none'}, not the ${want} s asked for: the token-lifetime override (docker/suitecrm/token-ttl.php.tpl) did not take effect on this release`);
  }
}

export async function startContainerTarget(o: ContainerTargetOptions): Promise<ContainerTarget> {
  const { version, accessSeconds, refreshSeconds } = containerTargetOptions(o);
  const started = await new SuiteCrmContainer(version)
    .withTokenLifetimes(accessSeconds, refreshSeconds)
    .withProgress(o.progress ?? ((l) => process.stderr.write(`${l}\n`)))
    .start()
    .catch((e: Error) => {
      if (e instanceof ConfigError) throw e;
      // Build failures, pulls, the installer dying: one line (masked), exit 2.
      throw new ConfigError(secrets.mask(`the SuiteCRM ${version} container did not start: ${e.message.split('\n')[0]}`));
    });
  try {
    await verifyLifetime(started, o.profile);
  } catch (e) {
    await started.stop();
    throw e;
  }
  return { baseUrl: started.getBaseUrl(), version, env: started.harnessEnv(), stop: () => started.stop() };
}

export { SuiteCrmContainer, StartedSuiteCrm } from './suitecrm-container.js';
