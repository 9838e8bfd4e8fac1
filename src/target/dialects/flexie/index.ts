// Flexie CRM (seed 004): authorization-code flow at /oauth2/authorize + /oauth2/token (with
// refresh), tokens as Authorization: Bearer, a per-user API key in an `apikey` header, key
// regeneration and "Authorized Applications" revocation. Conformant mode follows the RFCs; the
// query-string credentials Flexie documents are faithful-mode faults (security findings). Its
// login-and-allow page issues codes into the shared code store, and the shared token endpoint
// redeems them (single use, lifetime, binding to client and redirect_uri, replay revocation).
import { canary, send, sendJson, type Ctx, type Router, type TargetCore, type TokenRow } from '../../core.js';
import { authorised, ADMIN_PREFIX } from '../../admin.js';
import { redirect } from '../suitecrm/authorize.js';
import { codeStore } from '../suitecrm/codes.js';
import { tokenEndpoint } from '../suitecrm/token.js';

export const FLEXIE_REDIRECT_URI = 'http://127.0.0.1/crm-conformance/callback';

interface FlexieState {
  apiKey: string;
  /** Keys replaced by "Generate New Key". */
  oldKeys: Set<string>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function form(ctx: Ctx, q: URLSearchParams, error?: string): void {
  const hidden = ['response_type', 'client_id', 'redirect_uri', 'state']
    .map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? '')}">`)
    .join('');
  send(
    ctx,
    error ? 401 : 200,
    `<!doctype html><html><head><title>Flexie CRM – Authorize</title></head><body><h1>Authorize application</h1>${error ? `<p class="error">${esc(error)}</p>` : ''}` +
      `<form method="post" action="${esc(ctx.url.pathname)}">${hidden}<input name="username"><input type="password" name="password">` +
      `<button type="submit" name="authorize" value="allow">Allow</button></form></body></html>`,
    { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'" },
  );
}

/** Why the client or its redirect_uri cannot be trusted (an error page, never a redirect). */
function untrusted(core: TargetCore, q: URLSearchParams): string | undefined {
  const c = core.clients.get(q.get('client_id') ?? '');
  if (!c || c.deleted || !c.grants.includes('authorization_code')) return 'unknown client_id';
  if (!c.redirectUris?.includes(q.get('redirect_uri') ?? '')) return 'redirect_uri does not match the registered one';
  return undefined;
}

/** GET shows the login-and-allow page; POST logs in, and allowing issues a code. */
function authorizePage(ctx: Ctx): void {
  const q = ctx.method === 'GET' ? ctx.url.searchParams : new URLSearchParams(ctx.body);
  const bad = untrusted(ctx.core, q);
  // RFC 6749 §4.1.2.1: never redirect to an unverified URI; say it on the page.
  if (bad) return send(ctx, 400, `<!doctype html><p>${esc(bad)}</p>`, { 'content-type': 'text/html; charset=UTF-8' });
  const redirectUri = q.get('redirect_uri')!;
  const state = q.get('state') ?? undefined;
  // A verified redirect_uri: the error goes back to the client (RFC 6749 §4.1.2.1).
  if (q.get('response_type') !== 'code') return redirect(ctx, redirectUri, { error: 'unsupported_response_type', state });
  if (ctx.method === 'GET') return form(ctx, q);
  const user = ctx.core.userByName(q.get('username') ?? '');
  if (!user || user.password !== q.get('password')) return form(ctx, q, 'Invalid credentials');
  const store = codeStore(ctx.core);
  const req = store.newPending({ clientId: q.get('client_id')!, redirectUri, redirectUriGiven: true, ...(state ? { state } : {}) });
  req.userId = user.id;
  const row = store.issueCode(req, 'once');
  redirect(ctx, row.redirectUri, { code: row.code, state });
}

/** 401 as RFC 6750 §3 wants it; an expired or revoked token says Flexie's "Invalid Token". */
function unauthorized(ctx: Ctx, invalidToken: boolean): void {
  const generic = ctx.core.fault('flexie-expired-token-generic-error');
  const message = invalidToken && !generic ? 'Invalid Token' : 'Unauthorized';
  const challenge = invalidToken ? `Bearer realm="Flexie", error="invalid_token", error_description="${message}"` : 'Bearer realm="Flexie"';
  sendJson(ctx, 401, { error: invalidToken ? 'invalid_token' : 'unauthorized', error_description: message, message }, { 'www-authenticate': challenge });
}

function apiKeyPresented(ctx: Ctx): string | undefined {
  const spec = ctx.core.profile.apiKey;
  if (!spec) return undefined;
  const h = ctx.core.fault('flexie-apikey-header-ignored') ? undefined : ctx.req.headers[spec.header.toLowerCase()];
  if (typeof h === 'string' && h) return h;
  const q = spec.queryParam ? ctx.url.searchParams.get(spec.queryParam) : null;
  return q && ctx.core.fault('flexie-apikey-query-accepted') ? q : undefined;
}

function apiKeyValid(ctx: Ctx, state: FlexieState, key: string): boolean {
  const core = ctx.core;
  if (core.fault('flexie-new-apikey-not-active') && state.oldKeys.size > 0) return false;
  return key === state.apiKey || (state.oldKeys.has(key) && core.fault('flexie-old-apikey-still-works'));
}

function bearerRow(ctx: Ctx): TokenRow | 'missing' | 'invalid' {
  const core = ctx.core;
  const m = /^bearer\s+(\S+)\s*$/i.exec(ctx.req.headers.authorization ?? '');
  const query = core.fault('flexie-query-token-accepted') ? ctx.url.searchParams.get('access_token') : null;
  const token = m?.[1] ?? query;
  if (!token) return ctx.req.headers.authorization ? 'invalid' : 'missing';
  const row = core.tokens.get(token);
  if (!row || row.rotatedOut || row.loggedOut || row.accessExpires <= core.now()) return 'invalid';
  if (row.revoked && !core.fault('flexie-app-revoke-keeps-tokens')) return 'invalid';
  return row;
}

function leadFields(state: FlexieState) {
  return (ctx: Ctx) => {
    if (ctx.core.fault('flexie-api-refuses-all')) return unauthorized(ctx, true);
    const key = apiKeyPresented(ctx);
    if (key !== undefined) {
      if (!apiKeyValid(ctx, state, key)) return sendJson(ctx, 401, { error: 'invalid_api_key', message: 'Invalid API Key' });
    } else {
      const row = bearerRow(ctx);
      if (row === 'missing' || row === 'invalid') return unauthorized(ctx, row === 'invalid');
    }
    sendJson(ctx, 200, { fields: [{ name: 'firstname', label: 'First Name', type: 'text' }, { name: 'email', label: 'Email', type: 'email' }] });
  };
}

export function registerFlexie(router: Router, core: TargetCore): void {
  const state: FlexieState = { apiKey: canary(), oldKeys: new Set() };
  const client = core.clients.get(core.credentials.client.id)!;
  client.grants = ['authorization_code'];
  client.redirectUris = [FLEXIE_REDIRECT_URI];
  core.credentials.apiKey = state.apiKey;
  core.credentials.redirectUri = FLEXIE_REDIRECT_URI;
  const authorizePath = core.profile.authorize?.path ?? '/oauth2/authorize';
  router.on('GET', authorizePath, authorizePage);
  router.on('POST', authorizePath, authorizePage);
  router.on('POST', core.profile.token.path, tokenEndpoint);
  router.on('GET', '/api/leads/list/fields', leadFields(state));
  // Reference-target admin: Account / API Settings → "Generate New Key".
  router.on('POST', `${ADMIN_PREFIX}/regenerate-api-key`, (ctx) => {
    if (!authorised(ctx)) return sendJson(ctx, 403, { error: 'admin secret required' });
    state.oldKeys.add(state.apiKey);
    state.apiKey = canary();
    sendJson(ctx, 200, { api_key: state.apiKey });
  });
}
