// The container target (Testcontainers + docker/suitecrm). Its own issue builds it; until then the
// default resolution never picks it and `--target container` says so.
import type { Profile } from '../profile/profile.js';
import { ConfigError } from '../config/errors.js';

export const CONTAINER_TARGET_READY = false;

export interface ContainerTargetOptions {
  profile: Profile;
  suitecrmVersion?: string;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
}

export async function startContainerTarget(_opts: ContainerTargetOptions): Promise<never> {
  throw new ConfigError('the container target is not built into this version yet: use --base-url with a running SuiteCRM, or the embedded target');
}
