// Starts the embedded reference target on 127.0.0.1 (ephemeral port unless one is given).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Profile } from '../profile/profile.js';
import { ConfigError } from '../config/errors.js';
import { registerAdmin } from './admin.js';
import { readBody, Router, sendSlimHtml, TargetCore, type Ctx, type TargetCredentials } from './core.js';
import { fetchJkuKeys } from './dialects/suitecrm/bearer-forgery.js';
import { registerSuiteCrmV8 } from './dialects/suitecrm/index.js';
import { registerProfileRoutes } from './dialects/suitecrm/profile-routes.js';
import { registerSugarCrm } from './dialects/sugarcrm/index.js';
import { registerFlexie } from './dialects/flexie/index.js';
import { seedRecords } from './dialects/suitecrm/resources.js';
import { checkFaultNames } from './faults/index.js';
import type { KeyPair } from './jwt.js';
import { hostileHook, hostileNames } from './hostile.js';
import { registerSuiteCrm715 } from './dialects/suitecrm/v715.js';
import { codeStore } from './dialects/suitecrm/codes.js';

export type TargetMode = 'conformant' | 'faithful';

export interface ReferenceTargetOptions {
  profile: Profile;
  mode: TargetMode;
  /** Extra faults on top of the mode's (faithful = the profile's departures). */
  faults?: readonly string[];
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  /** Authorization-code lifetime (default 5 s: the expiry check waits for it; a loaded machine needs a few seconds for the browser flow). */
  codeTtlSeconds?: number;
  port?: number;
  /** Admin panel: show the first-login time-zone gate to the admin (as a fresh install does). */
  adminFirstLogin?: boolean;
  keys?: KeyPair;
  /** Hostile mode (src/target/hostile.ts): breaks the transport for every check, by design. */
  hostile?: string;
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
  /** Authorization-code lifetime in force (faults included). */
  codeTtlSeconds: number;
  /** In-process state, for the project's own tests. */
  core: TargetCore;
  close(): Promise<void>;
}

/** Registers a dialect's routes; may also shape the seeded state (clients, keys) on the core. */
type DialectInstaller = (router: Router, core: TargetCore) => void;

const DIALECTS: Record<string, DialectInstaller> = {
  'suitecrm-v8': registerSuiteCrmV8,
  'suitecrm-entrypoint': registerProfileRoutes,
  'generic-oauth2': registerProfileRoutes,
  sugarcrm: registerSugarCrm,
  flexie: registerFlexie,
  'suitecrm-7.15': registerSuiteCrm715,
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
  const codeTtlSeconds = opts.codeTtlSeconds ?? 5;
  const core = new TargetCore({
    profile: opts.profile,
    faults,
    accessTtlSeconds,
    refreshTtlSeconds,
    ...(opts.keys ? { keys: opts.keys } : {}),
    ...(opts.adminFirstLogin ? { adminFirstLogin: true } : {}),
    codeTtlSeconds,
  });
  seedRecords(core);

  const router = new Router();
  install(router, core);
  registerAdmin(router);
  const prefix = opts.profile.basePath ?? '';
  const hostile = opts.hostile ? hostileHook(opts.hostile) : undefined;
  if (opts.hostile && !hostile) throw new ConfigError(`unknown hostile behaviour "${opts.hostile}"; known: ${hostileNames().join(', ')}`);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = url.pathname;
    // Behind a prefix (SuiteCRM 8's /legacy) nothing answers outside it, so preflight can tell.
    if (prefix) path = path === prefix || path.startsWith(`${prefix}/`) ? path.slice(prefix.length) || '/' : '/__outside-base-path__';
    const ctx: Ctx = { req, res, method: req.method ?? 'GET', url, path, params: {}, body: '', core };
    try {
      ctx.body = await readBody(req);
      await (hostile ? hostile(ctx, () => route(router, ctx)) : route(router, ctx));
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
    codeTtlSeconds: codeStore(core).ttlSeconds,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(router: Router, ctx: Ctx): Promise<void> {
  const hit = router.match(ctx.method, ctx.path);
  if (!hit) return sendSlimHtml(ctx, 404);
  if ('allow' in hit) return sendSlimHtml(ctx, 405, hit.allow);
  ctx.params = hit.params;
  // The handlers verify tokens synchronously; the faulty jku lookup is the one fetch, done first.
  if (ctx.core.fault('bearer-jku-trusted')) ctx.jkuKeys = await fetchJkuKeys(ctx.req.headers.authorization);
  await hit.handler(ctx);
}
