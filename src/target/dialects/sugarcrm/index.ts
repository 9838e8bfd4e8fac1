// SugarCRM REST v11 (seed 003): POST /rest/v11/oauth2/token (JSON, client "sugar" with an empty
// secret, a `platform`), the token in an `oauth-token` header, POST /rest/v11/oauth2/logout, and
// one active session per user and platform. The OAuth 2.0 grammar (errors, refresh rotation) is the
// shared core's token endpoint; what is Sugar's own lives here.
import { sendJson, type Ctx, type Router, type TargetCore, type TokenRow } from '../../core.js';
import { parseTokenBody, tokenEndpoint } from '../suitecrm/token.js';

export const SUGAR_DEFAULT_CLIENT = 'sugar';
const REST = '/rest/v11';

/** Platform of each session (token row); a refreshed row keeps its predecessor's platform. */
const platforms = new WeakMap<TokenRow, string>();

function newestRow(core: TargetCore): TokenRow | undefined {
  let last: TokenRow | undefined;
  for (const r of core.tokens.values()) last = r;
  return last;
}

/** "Since Sugar only allows 1 user in the system at a time per platform": a login ends the
 * user's other sessions on its platform, and only there. */
function endOtherSessions(core: TargetCore, fresh: TokenRow, platform: string): void {
  if (core.fault('sugar-login-keeps-platform-session')) return;
  const everywhere = core.fault('sugar-login-ends-every-platform');
  for (const r of core.tokens.values()) {
    if (r === fresh || r.userId !== fresh.userId || r.loggedOut) continue;
    if (everywhere || platforms.get(r) === platform) r.loggedOut = true;
  }
}

async function token(ctx: Ctx): Promise<void> {
  const core = ctx.core;
  const p = parseTokenBody(ctx);
  const param = core.profile.session?.platformParam ?? 'platform';
  const before = newestRow(core);
  const predecessor = typeof p.refresh_token === 'string' ? core.refreshIndex.get(p.refresh_token) : undefined;
  await tokenEndpoint(ctx);
  const fresh = newestRow(core);
  if (!fresh || fresh === before) return;
  const platform = predecessor ? (platforms.get(predecessor) ?? 'base') : typeof p[param] === 'string' && p[param] ? (p[param] as string) : 'base';
  platforms.set(fresh, platform);
  if (fresh.grant === 'password') endOtherSessions(core, fresh, platform);
}

/** Sugar's 401s: JSON with error / error_message; no Bearer challenge (the scheme is not Bearer). */
function unauthorized(ctx: Ctx, error: string, message: string): void {
  sendJson(ctx, 401, { error, error_message: message });
}

function authenticate(ctx: Ctx): TokenRow | undefined {
  const core = ctx.core;
  const header = core.profile.tokenPresentation.header.toLowerCase();
  const presented = ctx.req.headers[header];
  if (typeof presented !== 'string' || presented.trim() === '') {
    unauthorized(ctx, 'need_login', 'No valid authentication for user.');
    return undefined;
  }
  const row = core.tokens.get(presented.trim());
  const dead = core.fault('sugar-api-refuses-all') || !row || row.rotatedOut || row.loggedOut || row.revoked || row.accessExpires <= core.now();
  if (dead) {
    unauthorized(ctx, 'invalid_grant', 'The access token provided is invalid.');
    return undefined;
  }
  return row;
}

function records(ctx: Ctx): void {
  if (!authenticate(ctx)) return;
  const table = ctx.core.records.get(ctx.params.module!);
  if (!table) return sendJson(ctx, 404, { error: 'no_method', error_message: 'Could not find a route with 1 elements' });
  const rows = [...table.entries()].filter(([, a]) => a.deleted !== '1');
  const max = Number(ctx.url.searchParams.get('max_num') ?? '20');
  sendJson(ctx, 200, { next_offset: rows.length > max ? max : -1, records: rows.slice(0, max).map(([id, a]) => ({ id, ...a, _module: ctx.params.module })) });
}

function logout(ctx: Ctx): void {
  const row = authenticate(ctx);
  if (!row) return;
  row.loggedOut = true;
  sendJson(ctx, 200, { success: true });
}

export function registerSugarCrm(router: Router, core: TargetCore): void {
  // The documented default client: id "sugar", empty secret, password grant.
  core.clients.set(SUGAR_DEFAULT_CLIENT, { id: SUGAR_DEFAULT_CLIENT, name: 'sugar', secret: '', grants: ['password'] });
  core.credentials.client = { id: SUGAR_DEFAULT_CLIENT, secret: '' };
  router.on('POST', `${REST}/oauth2/token`, token);
  router.on('POST', `${REST}/oauth2/logout`, logout);
  router.on('GET', `${REST}/:module`, records);
}
