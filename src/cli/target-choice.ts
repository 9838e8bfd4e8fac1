// Target resolution: --base-url / CRM_BASE_URL > the embedded reference target. The container
// (a multi-minute image build and install) runs only when asked for with --target container.
// One line on stderr says which was chosen and why.
import { ConfigError } from '../config/errors.js';
import { probeContainerEngine } from '../container/engine.js';

export type TargetKind = 'embedded' | 'url' | 'container';

export interface TargetChoice {
  kind: TargetKind;
  baseUrl?: string;
  notice: string;
}

export function normaliseBaseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(`--base-url "${raw}" is not a URL (expected e.g. https://crm.example.com)`);
  }
  if (!/^https?:$/.test(u.protocol)) throw new ConfigError(`--base-url must be http(s), got ${u.protocol}`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export async function chooseTarget(requested: TargetKind | 'auto', baseUrl: string | undefined, env: NodeJS.ProcessEnv): Promise<TargetChoice> {
  if (requested === 'url' || (requested === 'auto' && baseUrl)) {
    if (!baseUrl) throw new ConfigError('--target url needs --base-url or CRM_BASE_URL');
    const u = normaliseBaseUrl(baseUrl);
    return { kind: 'url', baseUrl: u, notice: `target: ${u} (from --base-url/CRM_BASE_URL)` };
  }
  if (requested === 'embedded') return { kind: 'embedded', notice: 'target: embedded reference target (--target embedded)' };
  if (requested === 'container') {
    const engine = await probeContainerEngine(env);
    if (!engine.available) {
      throw new ConfigError(
        `--target container needs a container engine, and none answers (${engine.detail}): start Docker or Podman, ` +
          'or point --base-url at a running SuiteCRM, or omit --target to use the embedded reference target',
      );
    }
    return { kind: 'container', notice: `target: SuiteCRM container (engine at ${engine.detail})` };
  }
  return { kind: 'embedded', notice: 'target: embedded reference target (no --base-url/CRM_BASE_URL; --target container starts a real SuiteCRM)' };
}
