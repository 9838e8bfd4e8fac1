// GET /Api/authorize (SuiteCRM 7.15, PR #8291): login page → approve page ("once"/"always") →
// redirect to the client's registered redirect URI with ?code= and the state. Conformant mode
// follows RFC 6749 §4.1 and RFC 9700 §2.1; every departure is a named fault.
import { send, type Client, type Ctx, type Router } from '../../core.js';
import { profilePath } from '../../../profile/profile.js';
import { codeStore, type Decision, type PendingRequest } from './codes.js';

export const AUTHORIZE_PATH = '/Api/authorize';
export const APPROVE_PATH = '/Api/authorize/approve';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Framing and caching protections of the login and approve pages (RFC 6749 §10.13). */
function pageHeaders(ctx: Ctx): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'text/html;charset=UTF-8' };
  if (!ctx.core.fault('authorize-pages-frameable')) {
    h['x-frame-options'] = 'DENY';
    h['content-security-policy'] = "frame-ancestors 'none'";
  }
  // A browser enforces form-action: the page looks fine to plain HTTP, but no browser can submit it.
  if (ctx.core.fault('authorize-csp-blocks-form')) {
    h['content-security-policy'] = [h['content-security-policy'], "form-action 'none'"].filter(Boolean).join('; ');
  }
  if (!ctx.core.fault('authorize-pages-cacheable')) {
    h['cache-control'] = 'no-store';
    h.pragma = 'no-cache';
  }
  return h;
}

function page(ctx: Ctx, status: number, title: string, inner: string): void {
  send(
    ctx,
    status,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${inner}</body></html>`,
    pageHeaders(ctx),
  );
}

function errorPage(ctx: Ctx, message: string): void {
  page(ctx, 400, 'SuiteCRM – authorization error', `<p id="error">${esc(message)}</p>`);
}

function loginPage(ctx: Ctx, req: PendingRequest, client: Client, failed = false): void {
  const action = profilePath(ctx.core.profile, AUTHORIZE_PATH);
  page(
    ctx,
    failed ? 401 : 200,
    'SuiteCRM – log in',
    `<p>Log in to let <strong>${esc(client.name)}</strong> access your SuiteCRM account.</p>` +
      (failed ? '<p id="error">You must specify a valid username and password.</p>' : '') +
      `<form method="post" action="${esc(action)}" id="login-form">` +
      `<input type="hidden" name="request" value="${esc(req.id)}">` +
      '<label>User name <input type="text" name="username" id="username" autocomplete="username"></label>' +
      '<label>Password <input type="password" name="password" id="password" autocomplete="current-password"></label>' +
      '<button type="submit" id="login">Log in</button></form>',
  );
}

function approvePage(ctx: Ctx, req: PendingRequest, client: Client): void {
  const action = profilePath(ctx.core.profile, APPROVE_PATH);
  page(
    ctx,
    200,
    'SuiteCRM – authorize application',
    `<p><strong>${esc(client.name)}</strong> asks to access your SuiteCRM account.</p>` +
      `<form method="post" action="${esc(action)}" id="approve-form">` +
      `<input type="hidden" name="request" value="${esc(req.id)}">` +
      '<button type="submit" name="decision" value="once" id="approve-once">Approve once</button>' +
      '<button type="submit" name="decision" value="always" id="approve-always">Approve always</button>' +
      '<button type="submit" name="decision" value="deny" id="deny">Deny</button></form>',
  );
}

/** 302 to the client with parameters added to its redirect URI's query (RFC 6749 §4.1.2). */
export function redirect(ctx: Ctx, to: string, params: Record<string, string | undefined>): void {
  const u = new URL(to);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.append(k, v);
  send(ctx, 302, '', { location: u.toString(), 'cache-control': 'no-store' });
}

function redirectUriAllowed(ctx: Ctx, client: Client, uri: string): boolean {
  const registered = client.redirectUris ?? [];
  if (ctx.core.fault('authorize-redirect-uri-prefix-match')) return registered.some((r) => uri.startsWith(r));
  return registered.includes(uri);
}

function supportedMethods(ctx: Ctx): readonly string[] {
  return ctx.core.profile.authorize?.pkce ?? [];
}

/** GET /Api/authorize: validates client and redirect URI first; later errors go back to the client. */
function authorizeRequest(ctx: Ctx): void {
  const core = ctx.core;
  const q = ctx.url.searchParams;
  const client = core.clients.get(q.get('client_id') ?? '');
  if (!client || client.deleted) return errorPage(ctx, 'Unknown client.');
  const given = q.get('redirect_uri');
  const registered = client.redirectUris ?? [];
  let redirectUri: string;
  if (given === null || given === '') {
    if (registered.length !== 1) return errorPage(ctx, 'A redirect_uri is required.');
    redirectUri = registered[0]!;
  } else if (redirectUriAllowed(ctx, client, given)) redirectUri = given;
  else {
    // The open redirect of RFC 9700 §4.1: an error sent to wherever the request said.
    if (core.fault('authorize-open-redirect')) return redirect(ctx, given, { error: 'invalid_request', state: q.get('state') ?? undefined });
    return errorPage(ctx, 'The redirect_uri is not registered for this client.');
  }
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string) => {
    if (core.fault('authorize-errors-as-page')) return errorPage(ctx, description);
    redirect(ctx, redirectUri, { error, error_description: description, state });
  };
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  if (!client.grants.includes('authorization_code')) return fail('unauthorized_client', 'The client may not use the authorization code grant.');
  if (q.get('scope')) return fail('invalid_scope', 'No scopes are defined.');
  const challenge = q.get('code_challenge') ?? undefined;
  let method = q.get('code_challenge_method') ?? undefined;
  if (challenge !== undefined) {
    method ??= 'plain';
    if (!supportedMethods(ctx).includes(method as never)) return fail('invalid_request', `code_challenge_method ${method} is not supported.`);
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(challenge)) return fail('invalid_request', 'Malformed code_challenge.');
  }
  const req = codeStore(core).newPending({
    clientId: client.id,
    redirectUri,
    redirectUriGiven: !!given,
    ...(state !== undefined ? { state } : {}),
    ...(challenge !== undefined ? { challenge, challengeMethod: method! } : {}),
  });
  loginPage(ctx, req, client);
}

function formBody(ctx: Ctx): URLSearchParams {
  return new URLSearchParams(ctx.body);
}

function pendingOf(ctx: Ctx, form: URLSearchParams): { req: PendingRequest; client: Client } | undefined {
  const req = codeStore(ctx.core).pending.get(form.get('request') ?? '');
  const client = req && ctx.core.clients.get(req.clientId);
  if (!req || !client) {
    errorPage(ctx, 'The authorization request has expired; start again.');
    return undefined;
  }
  return { req, client };
}

/** POST /Api/authorize: the login form. */
function login(ctx: Ctx): void {
  const form = formBody(ctx);
  const p = pendingOf(ctx, form);
  if (!p) return;
  const user = ctx.core.userByName(form.get('username') ?? '');
  if (!user || user.password !== form.get('password')) return loginPage(ctx, p.req, p.client, true);
  p.req.userId = user.id;
  if (codeStore(ctx.core).isRemembered(user.id, p.client.id) && !ctx.core.fault('authorize-approval-denied')) return complete(ctx, p.req, 'always');
  approvePage(ctx, p.req, p.client);
}

/** POST /Api/authorize/approve: the user's decision. */
function approve(ctx: Ctx): void {
  const form = formBody(ctx);
  const p = pendingOf(ctx, form);
  if (!p) return;
  if (!p.req.userId) return errorPage(ctx, 'Log in first.');
  const decision = ctx.core.fault('authorize-approval-denied') ? 'deny' : form.get('decision');
  if (decision === 'once' || decision === 'always') return complete(ctx, p.req, decision);
  if (ctx.core.fault('authorize-deny-issues-code')) return complete(ctx, p.req, 'once');
  codeStore(ctx.core).pending.delete(p.req.id);
  redirect(ctx, p.req.redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: p.req.state });
}

function complete(ctx: Ctx, req: PendingRequest, decision: Decision): void {
  const row = codeStore(ctx.core).issueCode(req, decision);
  const state = ctx.core.fault('authorize-state-dropped') ? undefined : req.state;
  redirect(ctx, row.redirectUri, { code: row.code, state });
}

/** The authorize endpoint down (503 to everything): what the redirect checks' control must notice. */
const unlessDown = (handler: (ctx: Ctx) => void) => (ctx: Ctx) =>
  ctx.core.fault('authorize-endpoint-down') ? send(ctx, 503, '<html><body><h1>Service Unavailable</h1></body></html>', { 'content-type': 'text/html' }) : handler(ctx);

export function registerAuthorize(router: Router): void {
  router.on('GET', AUTHORIZE_PATH, unlessDown(authorizeRequest));
  router.on('POST', AUTHORIZE_PATH, unlessDown(login));
  router.on('POST', APPROVE_PATH, unlessDown(approve));
}
