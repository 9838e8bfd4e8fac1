// Admin control surface of the reference target only (never part of a real CRM): what SuiteCRM's
// "OAuth2 Clients and Tokens" panel does, callable over HTTP with the per-run admin secret.
import { timingSafeEqual } from 'node:crypto';
import { send, sendJson, type Ctx, type Router } from './core.js';
import { codeStore } from './dialects/suitecrm/codes.js';

export const ADMIN_PREFIX = '/__reference/admin';
export const ADMIN_HEADER = 'x-reference-admin';

export function authorised(ctx: Ctx): boolean {
  const given = Buffer.from(String(ctx.req.headers[ADMIN_HEADER] ?? ''));
  const want = Buffer.from(ctx.core.adminSecret);
  return given.length === want.length && timingSafeEqual(given, want);
}

function body(ctx: Ctx): Record<string, unknown> {
  try {
    return JSON.parse(ctx.body || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function registerAdmin(router: Router): void {
  const guarded = (fn: (ctx: Ctx) => void) => (ctx: Ctx) => {
    if (!authorised(ctx)) return sendJson(ctx, 403, { error: 'admin secret required' });
    fn(ctx);
  };
  // Public key: what an operator copies from Api/V8/OAuth2/public.key; not a secret.
  router.on('GET', `${ADMIN_PREFIX}/public-key`, (ctx) =>
    send(ctx, 200, ctx.core.keys.publicPem, { 'content-type': 'application/x-pem-file' }),
  );
  router.on(
    'POST',
    `${ADMIN_PREFIX}/revoke-token`,
    guarded((ctx) => {
      const token = String(body(ctx).access_token ?? '');
      const row = ctx.core.tokens.get(token);
      if (!row) return sendJson(ctx, 404, { error: 'no such token' });
      row.revoked = true;
      sendJson(ctx, 200, { revoked: 1 });
    }),
  );
  router.on(
    'POST',
    `${ADMIN_PREFIX}/revoke-client`,
    guarded((ctx) => {
      const id = String(body(ctx).client_id ?? '');
      let n = 0;
      const rows = [...ctx.core.tokens.values()].filter((r) => r.clientId === id);
      // The partial-revocation fault: only the client's newest token is revoked.
      const targets = ctx.core.fault('admin-client-revoke-newest-only') ? rows.slice(-1) : rows;
      for (const row of targets) {
        if (!row.revoked) {
          row.revoked = true;
          n++;
        }
      }
      for (const c of codeStore(ctx.core).codes.values()) if (c.clientId === id) c.revoked = true;
      sendJson(ctx, 200, { revoked: n });
    }),
  );
  // Authorization codes (SuiteCRM 7.15's panel lists them and revokes them).
  router.on(
    'GET',
    `${ADMIN_PREFIX}/codes`,
    guarded((ctx) => sendJson(ctx, 200, { codes: codeStore(ctx.core).list() })),
  );
  router.on(
    'POST',
    `${ADMIN_PREFIX}/revoke-code`,
    guarded((ctx) => {
      const row = codeStore(ctx.core).codes.get(String(body(ctx).code ?? ''));
      if (!row) return sendJson(ctx, 404, { error: 'no such code' });
      if (!ctx.core.fault('admin-code-revoke-ignored')) row.revoked = true;
      sendJson(ctx, 200, { revoked: 1 });
    }),
  );
  // Test hook: a code `seconds` older, so a lifetime of minutes is judged without waiting for it.
  router.on(
    'POST',
    `${ADMIN_PREFIX}/age-code`,
    guarded((ctx) => {
      const b = body(ctx);
      const row = codeStore(ctx.core).codes.get(String(b.code ?? ''));
      const seconds = Number(b.seconds);
      if (!row || !Number.isFinite(seconds)) return sendJson(ctx, 404, { error: 'no such code' });
      row.issuedAt -= seconds;
      row.expiresAt -= seconds;
      sendJson(ctx, 200, { aged: seconds });
    }),
  );
}
