// Starts the embedded reference target on 127.0.0.1 (ephemeral port unless one is given).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Profile } from '../profile/profile.js';
import { ConfigError } from '../config/errors.js';
import { registerAdmin } from './admin.js';
import { readBody, Router, sendSlimHtml, TargetCore, type Ctx, type TargetCredentials } from './core.js';
import { registerSuiteCrmV8 } from './dialects/suitecrm/index.js';
import { seedRecords } from './dialects/suitecrm/resources.js';
import { checkFaultNames } from './faults/index.js';
import type { KeyPair } from './jwt.js';

export type TargetMode = 'conformant' | 'faithful';

export interface ReferenceTargetOptions {
  profile: Profile;
  mode: TargetMode;
  /** Extra faults on top of the mode's (faithful = the profile's departures). */
  faults?: readonly string[];
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  port?: number;
  keys?: KeyPair;
}

export interface StartedTarget {
  baseUrl: string;
  credentials: TargetCredentials;
  adminSecret: string;
  publicKeyPem: string;
  faults: readonly string[];
  mode: TargetMode;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** In-process state, for the project's own tests. */
  core: TargetCore;
  close(): Promise<void>;
}

type DialectInstaller = (router: Router) => void;

const DIALECTS: Record<string, DialectInstaller> = {
  'suitecrm-v8': registerSuiteCrmV8,
};

export function knownDialects(): string[] {
  return Object.keys(DIALECTS);
}

export function faultsForMode(profile: Profile, mode: TargetMode, extra: readonly string[] = []): string[] {
  const base = mode === 'faithful' ? (profile.faithful?.faults ?? []) : [];
  return [...new Set([...base, ...extra])];
}

export async function startReferenceTarget(opts: ReferenceTargetOptions): Promise<StartedTarget> {
  const install = DIALECTS[opts.profile.dialect];
  if (!install) throw new ConfigError(`profile ${opts.profile.name} needs dialect "${opts.profile.dialect}", which the reference target does not implement (known: ${knownDialects().join(', ')})`);
  const faults = faultsForMode(opts.profile, opts.mode, opts.faults);
  checkFaultNames(faults, opts.profile.dialect);
  const accessTtlSeconds = opts.accessTtlSeconds ?? 2;
  const refreshTtlSeconds = opts.refreshTtlSeconds ?? 4;
  const core = new TargetCore({ profile: opts.profile, faults, accessTtlSeconds, refreshTtlSeconds, ...(opts.keys ? { keys: opts.keys } : {}) });
  seedRecords(core);

  const router = new Router();
  install(router);
  registerAdmin(router);
  const prefix = opts.profile.basePath ?? '';

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = url.pathname;
    if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length) || '/';
    const ctx: Ctx = { req, res, method: req.method ?? 'GET', url, path, params: {}, body: '', core };
    try {
      ctx.body = await readBody(req);
      const hit = router.match(ctx.method, path);
      if (!hit) return sendSlimHtml(ctx, 404);
      if ('allow' in hit) return sendSlimHtml(ctx, 405, hit.allow);
      ctx.params = hit.params;
      await hit.handler(ctx);
    } catch (e) {
      if (!res.headersSent) sendSlimHtml(ctx, 500, undefined, (e as Error).message);
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new ConfigError(`port ${opts.port} is already in use on 127.0.0.1`) : e),
    );
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    credentials: core.credentials,
    adminSecret: core.adminSecret,
    publicKeyPem: core.keys.publicPem,
    faults,
    mode: opts.mode,
    accessTtlSeconds,
    refreshTtlSeconds,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
