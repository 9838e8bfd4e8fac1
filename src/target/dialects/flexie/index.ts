// Flexie CRM (seed 004): authorization-code flow at /oauth2/authorize + /oauth2/token (with
// refresh), tokens as Authorization: Bearer, a per-user API key in an `apikey` header, key
// regeneration and "Authorized Applications" revocation. Conformant mode follows the RFCs; the
// query-string credentials Flexie documents are faithful-mode faults (security findings).
import { randomBytes } from 'node:crypto';
import { canary, send, sendJson, type Ctx, type Router, type TargetCore, type TokenRow } from '../../core.js';
import { authorised, ADMIN_PREFIX } from '../../admin.js';
import { issue, parseTokenBody, respondWithTokens, tokenEndpoint } from '../suitecrm/token.js';

export const FLEXIE_REDIRECT_URI = 'http://127.0.0.1/crm-conformance/callback';
const CODE_TTL_SECONDS = 60;

interface FlexieState {
  apiKey: string;
  /** Keys replaced by "Generate New Key". */
  oldKeys: Set<string>;
  codes: Map<string, { clientId: string; userId: string; redirectUri: string; expires: number }>;
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
    { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' },
  );
}

function clientFor(core: TargetCore, q: URLSearchParams): string | undefined {
  const c = core.clients.get(q.get('client_id') ?? '');
  if (!c || c.deleted || !c.grants.includes('authorization_code')) return 'unknown client_id';
  if (!c.redirectUris?.includes(q.get('redirect_uri') ?? '')) return 'redirect_uri does not match the registered one';
  if (q.get('response_type') !== 'code') return 'response_type must be code';
  return undefined;
}

function authorizePage(state: FlexieState) {
  return (ctx: Ctx) => {
    const q = ctx.method === 'GET' ? ctx.url.searchParams : new URLSearchParams(ctx.body);
    const bad = clientFor(ctx.core, q);
    // RFC 6749 §4.1.2.1: never redirect to an unverified URI; say it on the page.
    if (bad) return send(ctx, 400, `<!doctype html><p>${esc(bad)}</p>`, { 'content-type': 'text/html; charset=UTF-8' });
    if (ctx.method === 'GET') return form(ctx, q);
    const user = ctx.core.userByName(q.get('username') ?? '');
    if (!user || user.password !== q.get('password')) return form(ctx, q, 'Invalid credentials');
    const code = randomBytes(24).toString('hex');
    const redirect = q.get('redirect_uri')!;
    state.codes.set(code, { clientId: q.get('client_id')!, userId: user.id, redirectUri: redirect, expires: ctx.core.now() + CODE_TTL_SECONDS });
    const to = new URL(redirect);
    to.searchParams.set('code', code);
    if (q.get('state')) to.searchParams.set('state', q.get('state')!);
    send(ctx, 302, '', { location: to.toString(), 'cache-control': 'no-store' });
  };
}

function tokenRoute(state: FlexieState) {
  return async (ctx: Ctx) => {
    const p = parseTokenBody(ctx);
    if (p.grant_type !== 'authorization_code') return tokenEndpoint(ctx);
    const core = ctx.core;
    const client = core.clients.get(String(p.client_id ?? ''));
    if (!client || client.deleted || client.secret !== p.client_secret) return sendJson(ctx, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const entry = state.codes.get(String(p.code ?? ''));
    state.codes.delete(String(p.code ?? ''));
    if (!entry || entry.clientId !== client.id || entry.redirectUri !== p.redirect_uri || entry.expires <= core.now()) {
      return sendJson(ctx, 400, { error: 'invalid_grant', error_description: 'Invalid authorization code' });
    }
    respondWithTokens(ctx, issue(core, client, entry.userId, 'authorization_code', true));
  };
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
  const state: FlexieState = { apiKey: canary(), oldKeys: new Set(), codes: new Map() };
  const client = core.clients.get(core.credentials.client.id)!;
  client.grants = ['authorization_code'];
  client.redirectUris = [FLEXIE_REDIRECT_URI];
  core.credentials.apiKey = state.apiKey;
  core.credentials.redirectUri = FLEXIE_REDIRECT_URI;
  const authorizePath = core.profile.authorize?.path ?? '/oauth2/authorize';
  router.on('GET', authorizePath, authorizePage(state));
  router.on('POST', authorizePath, authorizePage(state));
  router.on('POST', core.profile.token.path, tokenRoute(state));
  router.on('GET', '/api/leads/list/fields', leadFields(state));
  // Reference-target admin: Account / API Settings → "Generate New Key".
  router.on('POST', `${ADMIN_PREFIX}/regenerate-api-key`, (ctx) => {
    if (!authorised(ctx)) return sendJson(ctx, 403, { error: 'admin secret required' });
    state.oldKeys.add(state.apiKey);
    state.apiKey = canary();
    sendJson(ctx, 200, { api_key: state.apiKey });
  });
}
