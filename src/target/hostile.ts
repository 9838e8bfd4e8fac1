// Hostile mode of the reference target: a CRM broken at the transport or framing level (hangs,
// drips, floods, lies about lengths, resets, answers HTML or 5xx to everything). Not faults of the
// fault matrix: a fault breaks named checks, a hostile behaviour breaks the exchange itself, and
// the harness must still come back in bounded time with a clear reason per check and a clean report.
// One behaviour per name; a hook in server.ts runs it before routing.
import type { Socket } from 'node:net';
import { ADMIN_PREFIX } from './admin.js';
import type { Ctx } from './core.js';

/** `all`: every request (the preflight must refuse the target); `some`: resource requests only
 * (the token endpoint works, so the run happens and the affected checks fail with a reason). */
export type HostileScope = 'all' | 'some';

export interface HostileDef {
  name: string;
  description: string;
  scope: HostileScope;
}

export const HOSTILE: readonly HostileDef[] = [
  { name: 'never-answers', scope: 'all', description: 'accepts the connection and the request, never answers' },
  { name: 'slow-drip', scope: 'all', description: 'answers one byte per second' },
  { name: 'huge-body', scope: 'some', description: 'resource requests: a 50 MB JSON body' },
  { name: 'invalid-json', scope: 'some', description: 'resource requests: truncated JSON under a JSON:API content type' },
  { name: 'html-login', scope: 'all', description: 'a 200 HTML login page instead of JSON, to everything' },
  { name: 'redirect-loop', scope: 'some', description: 'resource requests: 302 to the same URL, forever' },
  { name: 'wrong-content-length', scope: 'some', description: 'resource requests: Content-Length larger than the body, connection left open' },
  { name: 'reset-mid-body', scope: 'some', description: 'resource requests: half the body, then a TCP reset' },
  { name: 'server-error', scope: 'all', description: 'HTTP 500 to everything' },
  { name: 'rate-limited', scope: 'some', description: 'every third request: 429 with Retry-After: 1' },
  { name: 'echo-secret', scope: 'some', description: 'token responses echo the client_secret (and password) the client sent' },
];

export function hostileDef(name: string): HostileDef | undefined {
  return HOSTILE.find((h) => h.name === name);
}

export type HostileHook = (ctx: Ctx, next: () => Promise<void>) => Promise<void>;

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>SuiteCRM</title></head><body><form action="index.php" method="post" name="DetailView">' +
  '<input type="hidden" name="module" value="Users"><input type="hidden" name="action" value="Authenticate">' +
  '<label>Username</label><input type="text" name="user_name"><label>Password</label><input type="password" name="username_password">' +
  '<input type="submit" value="Log In"></form></body></html>';

const HUGE_BYTES = 50 * 1024 * 1024;

/** Token endpoint and the reference admin surface stay intact in `some` scope. */
function isResourceRequest(ctx: Ctx): boolean {
  return ctx.path !== ctx.core.profile.token.path && !ctx.path.startsWith(ADMIN_PREFIX);
}

/** Raw bytes on the socket, bypassing node:http (which would fix up our lies). */
function rawHead(socket: Socket, status: string, headers: Record<string, string | number>): void {
  socket.write(`HTTP/1.1 ${status}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
}

function neverAnswer(ctx: Ctx): Promise<void> {
  // Hold the socket; server.close() → closeAllConnections() ends it.
  ctx.req.socket.setTimeout(0);
  return Promise.resolve();
}

function drip(ctx: Ctx): Promise<void> {
  const body = JSON.stringify({ error: 'invalid_request', error_description: 'slowly' });
  ctx.res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  let i = 0;
  const timer = setInterval(() => {
    if (ctx.res.destroyed || i >= body.length) {
      clearInterval(timer);
      if (!ctx.res.destroyed) ctx.res.end();
      return;
    }
    ctx.res.write(body[i++]);
  }, 1000);
  ctx.res.on('close', () => clearInterval(timer));
  return Promise.resolve();
}

function flood(ctx: Ctx): Promise<void> {
  const res = ctx.res;
  res.writeHead(200, { 'content-type': 'application/vnd.api+json', 'content-length': HUGE_BYTES });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  chunk.write('{"data":[');
  let sent = 0;
  const pump = () => {
    while (sent < HUGE_BYTES && !res.destroyed) {
      const n = Math.min(chunk.length, HUGE_BYTES - sent);
      sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
  return Promise.resolve();
}

function truncatedJson(ctx: Ctx): Promise<void> {
  ctx.res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
  ctx.res.end('{"data": [{"type": "Accounts", "id": "1", "attributes": {"name": "Acme');
  return Promise.resolve();
}

function loginPage(ctx: Ctx): Promise<void> {
  ctx.res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
  ctx.res.end(LOGIN_PAGE);
  return Promise.resolve();
}

function redirectToSelf(ctx: Ctx): Promise<void> {
  ctx.res.writeHead(302, { location: ctx.req.url ?? '/', 'content-length': 0 });
  ctx.res.end();
  return Promise.resolve();
}

function shortBody(ctx: Ctx): Promise<void> {
  const socket = ctx.req.socket;
  rawHead(socket, '200 OK', { 'content-type': 'application/vnd.api+json', 'content-length': 4096 });
  socket.write('{"data": []}');
  // The rest never comes; the connection stays open until the client gives up.
  socket.setTimeout(0);
  return Promise.resolve();
}

function resetMidBody(ctx: Ctx): Promise<void> {
  const socket = ctx.req.socket;
  rawHead(socket, '200 OK', { 'content-type': 'application/vnd.api+json', 'content-length': 200 });
  socket.write('{"data": [{"type": "Accounts", "id": "1", "attributes": {', () => setTimeout(() => socket.resetAndDestroy(), 20));
  return Promise.resolve();
}

function serverError(ctx: Ctx): Promise<void> {
  ctx.res.writeHead(500, { 'content-type': 'text/html' });
  ctx.res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
  return Promise.resolve();
}

function rateLimiter(): HostileHook {
  let n = 0;
  return async (ctx, next) => {
    if (isResourceRequest(ctx) && ++n % 3 === 0) {
      ctx.res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      ctx.res.end(JSON.stringify({ errors: [{ status: '429', title: 'Too Many Requests' }] }));
      return;
    }
    await next();
  };
}

/** What the client sent as client_secret / password (form or JSON body, or Basic). */
function sentSecrets(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  let params: Record<string, unknown> = {};
  try {
    params = ctx.body.trimStart().startsWith('{') ? (JSON.parse(ctx.body) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(ctx.body));
  } catch {
    // unparseable bodies echo nothing
  }
  for (const k of ['client_secret', 'password']) if (typeof params[k] === 'string') out[k] = params[k] as string;
  const basic = /^Basic\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (basic && !out.client_secret) {
    const [, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    if (secret) out.client_secret = decodeURIComponent(secret.replace(/\+/g, ' '));
  }
  return out;
}

async function echoSecret(ctx: Ctx, next: () => Promise<void>): Promise<void> {
  if (isResourceRequest(ctx)) return next();
  const echo = sentSecrets(ctx);
  const end = ctx.res.end.bind(ctx.res) as (chunk?: unknown) => unknown;
  // Rewrite the token response on its way out: add what the client sent.
  ctx.res.end = ((chunk?: unknown) => {
    if (typeof chunk === 'string' && chunk.includes('"access_token"')) {
      try {
        chunk = JSON.stringify({ ...(JSON.parse(chunk) as object), ...echo });
      } catch {
        // not JSON: leave as is
      }
    }
    return end(chunk);
  }) as typeof ctx.res.end;
  await next();
}

const some =
  (fn: (ctx: Ctx) => Promise<void>): HostileHook =>
  (ctx, next) =>
    isResourceRequest(ctx) ? fn(ctx) : next();

const HOOKS: Record<string, () => HostileHook> = {
  'never-answers': () => neverAnswer,
  'slow-drip': () => drip,
  'huge-body': () => some(flood),
  'invalid-json': () => some(truncatedJson),
  'html-login': () => loginPage,
  'redirect-loop': () => some(redirectToSelf),
  'wrong-content-length': () => some(shortBody),
  'reset-mid-body': () => some(resetMidBody),
  'server-error': () => serverError,
  'rate-limited': rateLimiter,
  'echo-secret': () => echoSecret,
};

/** The hook for a hostile behaviour; unknown names are a configuration error of the caller. */
export function hostileHook(name: string): HostileHook | undefined {
  return HOOKS[name]?.();
}

export function hostileNames(): string[] {
  return HOSTILE.map((h) => h.name);
}
