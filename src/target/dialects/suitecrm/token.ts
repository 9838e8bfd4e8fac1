// POST /Api/access_token as SuiteCRM 7.14 (league/oauth2-server 8.4) answers it; every departure
// from RFC 6749 sits behind a named fault.
import { randomBytes, randomUUID } from 'node:crypto';
import { send, sendJson, sendSlimHtml, type Client, type Ctx, type TargetCore, type TokenRow } from '../../core.js';
import { signJwt } from '../../jwt.js';
import { authorizationCodeGrant } from './code-grant.js';

type Params = Record<string, unknown>;

const DESCRIPTIONS: Record<string, string> = {
  invalid_request:
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  invalid_client: 'Client authentication failed',
  invalid_grant:
    'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  unauthorized_client: 'The authenticated client is not authorized to use this authorization grant type.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed',
  unknown_error: '',
};

/** league's error body: error, error_description, optional hint, and SuiteCRM's "message" copy. */
export function oauthError(ctx: Ctx, status: number, error: string, opts: { hint?: string; description?: string; headers?: Record<string, string> } = {}): void {
  let description = opts.description ?? DESCRIPTIONS[error] ?? error;
  if (ctx.core.fault('error-description-illegal-chars')) description = `${description}\n"see server log"`;
  const body: Record<string, string> = { error, error_description: description };
  if (opts.hint) body.hint = opts.hint;
  body.message = description;
  sendJson(ctx, status, body, opts.headers ?? {});
}

/** Parses the body the way Slim + PHP do: form (PHP bracket arrays) or JSON; anything else is empty. */
export function parseTokenBody(ctx: Ctx): Params {
  const ct = (ctx.req.headers['content-type'] ?? '').toLowerCase();
  if (ct.startsWith('application/x-www-form-urlencoded')) {
    if (ctx.core.fault('form-encoding-rejected')) return {};
    const out: Params = {};
    for (const [k, v] of new URLSearchParams(ctx.body)) {
      const m = /^([^[]+)\[(.*)\]$/.exec(k);
      if (m) {
        const arr = (Array.isArray(out[m[1]!]) ? out[m[1]!] : []) as unknown[];
        arr.push(v);
        out[m[1]!] = arr;
      } else out[k] = v;
    }
    return out;
  }
  if (/^application\/(json|vnd\.api\+json)/.test(ct)) {
    try {
      const v = JSON.parse(ctx.body) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Params) : {};
    } catch {
      return {};
    }
  }
  return {};
}

export function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: dec(decoded.slice(0, i)), secret: dec(decoded.slice(i + 1)) };
  } catch {
    return undefined;
  }
}

const KNOWN_GRANTS = ['password', 'client_credentials', 'refresh_token', 'authorization_code'];
const STRING_PARAMS = ['grant_type', 'client_id', 'client_secret', 'username', 'password', 'refresh_token', 'scope', 'code', 'redirect_uri', 'code_verifier'];

export async function tokenEndpoint(ctx: Ctx): Promise<void> {
  const core = ctx.core;
  const p = parseTokenBody(ctx);
  const bad = STRING_PARAMS.find((k) => k in p && typeof p[k] !== 'string');
  if (bad) {
    // league hands client_id and client_secret to SuiteCRM's ClientRepository unchecked (BeanFactory::getBean,
    // hash()): a TypeError Slim renders with its trace. It checks username and password itself (400, as
    // below) and matches grant_type by ===, so an array there is an unsupported grant (observed).
    if (core.fault('array-param-stack-trace') && (bad === 'client_id' || bad === 'client_secret')) return sendSlimHtml(ctx, 500, undefined, 'Illegal offset type in isset or empty');
    if (core.fault('array-param-stack-trace') && bad === 'grant_type') return unsupportedGrant(ctx);
    if (core.fault('error-body-stack-trace')) {
      const trace = '<h2>Trace</h2><pre>#0 /var/www/html/vendor/league/oauth2-server/src/Grant/AbstractGrant.php(178)</pre>';
      return send(ctx, 400, `<html><body><h1>Bad Request</h1>${trace}</body></html>`, { 'content-type': 'text/html;charset=UTF-8' });
    }
    return oauthError(ctx, 400, 'invalid_request', { hint: `Check the \`${bad}\` parameter` });
  }
  const str = (k: string) => (typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : undefined);

  // The control-breaking fault: every request refused, valid ones too.
  if (core.fault('token-endpoint-refuses-all')) return oauthError(ctx, 401, 'invalid_client');
  const grant = str('grant_type');
  // The profile's grant list is what the deployment offers (7.10.0 has no client_credentials).
  const enabled: readonly string[] = core.fault('unoffered-grant-served')
    ? ['password', 'client_credentials', 'refresh_token']
    : core.fault('password-grant-served')
      ? [...core.profile.token.grants, 'password']
      : core.profile.token.grants;
  if (!grant) {
    if (core.fault('missing-grant-type-unsupported')) return unsupportedGrant(ctx);
    return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `grant_type` parameter' });
  }
  if (!enabled.includes(grant) || !KNOWN_GRANTS.includes(grant)) {
    if (core.fault('unknown-grant-invalid-request')) return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `grant_type` parameter' });
    if (core.fault('unoffered-grant-unauthorized-client') && KNOWN_GRANTS.includes(grant)) return oauthError(ctx, 400, 'unauthorized_client');
    return unsupportedGrant(ctx);
  }

  // --- client authentication (body parameters win over HTTP Basic, as league does) ---
  const basic = core.fault('basic-auth-unsupported') ? undefined : parseBasic(ctx.req.headers.authorization);
  const clientId = str('client_id') ?? basic?.id;
  if (!clientId) return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `client_id` parameter' });
  // An empty client_secret is a value (SugarCRM's default client "sugar" has one), not an absence.
  const secret = (typeof p.client_secret === 'string' ? p.client_secret : undefined) ?? basic?.secret;
  const challenge =
    basic && !core.fault('basic-auth-failure-without-challenge') ? { 'www-authenticate': 'Basic realm="OAuth"' } : undefined;
  const invalidClient = () => oauthError(ctx, 401, 'invalid_client', challenge ? { headers: challenge } : {});

  let client: Client | undefined = core.clients.get(clientId);
  if (client?.deleted) client = undefined;
  if (!client) {
    if (core.fault('unknown-client-500')) {
      return oauthError(ctx, 500, 'unknown_error', { description: `OAuth2Clients module with id ${clientId} is not found` });
    }
    if (core.fault('unknown-client-accepted')) client = core.clients.get(core.credentials.client.id);
    if (!client) return invalidClient();
  }
  if (!core.fault('client-secret-not-verified') && secret !== client.secret) {
    if (core.fault('wrong-secret-400-invalid-request') && str('client_secret') !== undefined) {
      return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `client_secret` parameter' });
    }
    return invalidClient();
  }
  if (grant !== 'refresh_token' && !client.grants.includes(grant) && !core.fault('client-grant-restriction-ignored')) {
    if (core.fault('grant-not-allowed-invalid-client')) return invalidClient();
    return oauthError(ctx, 400, 'unauthorized_client');
  }
  const scope = str('scope');
  if (scope) return oauthError(ctx, 400, 'invalid_scope', { hint: `Check the \`${scope}\` scope` });

  switch (grant) {
    case 'password':
      return passwordGrant(ctx, client, str);
    case 'client_credentials':
      return respondWithTokens(ctx, issue(core, client, client.userId ?? '', 'client_credentials', core.fault('cc-issues-refresh-token')));
    case 'authorization_code':
      return authorizationCodeGrant(ctx, client, str);
    default:
      return refreshGrant(ctx, client, str('refresh_token'));
  }
}

function unsupportedGrant(ctx: Ctx): void {
  oauthError(ctx, 400, 'unsupported_grant_type', { hint: 'Check that all required parameters have been provided' });
}

function passwordGrant(ctx: Ctx, client: Client, str: (k: string) => string | undefined): void {
  const core = ctx.core;
  const username = str('username');
  if (!username) {
    if (core.fault('missing-username-invalid-grant')) return oauthError(ctx, 400, 'invalid_grant');
    return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `username` parameter' });
  }
  const password = str('password');
  if (!password) return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `password` parameter' });
  const user = core.userByName(username);
  if (!user) {
    if (core.fault('unknown-user-500')) {
      return oauthError(ctx, 500, 'unknown_error', { description: `No user found with this username: ${username}` });
    }
    return oauthError(ctx, 400, 'invalid_grant', { description: 'The user credentials were incorrect.' });
  }
  if (password !== user.password && !core.fault('password-not-verified')) {
    if (core.fault('wrong-password-500-echo')) {
      return oauthError(ctx, 500, 'unknown_error', { description: `The password is invalid: ${password}` });
    }
    return oauthError(ctx, 400, 'invalid_grant', { description: 'The user credentials were incorrect.' });
  }
  respondWithTokens(ctx, issue(core, client, user.id, 'password', true));
}

function refreshGrant(ctx: Ctx, client: Client, presented: string | undefined): void {
  const core = ctx.core;
  if (!presented) return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `refresh_token` parameter' });
  // As SuiteCRM issue #10268: every refresh refused, valid ones too.
  if (core.fault('refresh-grant-refuses-all')) return oauthError(ctx, 401, 'invalid_client');
  const refreshError = (hint: string) =>
    core.fault('refresh-errors-401-invalid-request')
      ? oauthError(ctx, 401, 'invalid_request', { description: 'The refresh token is invalid.', hint })
      : oauthError(ctx, 400, 'invalid_grant', { hint });

  const row = core.refreshIndex.get(presented);
  if (!row) {
    // The fault: an undecodable token is taken at its word and a session is made up for the client.
    if (core.fault('refresh-token-not-verified')) return respondWithTokens(ctx, issue(core, client, client.userId ?? '1', 'refresh_token', true));
    return refreshError('Cannot decrypt the refresh token');
  }
  if (row.clientId !== client.id && !core.fault('refresh-not-bound-to-client')) return refreshError('Token is not linked to client');
  if ((row.refreshExpires ?? 0) <= core.now() && !core.fault('refresh-token-never-expires')) return refreshError('Token has expired');
  if (row.rotatedOut && !core.fault('refresh-old-token-still-valid')) return refreshError('Token has been revoked');
  if (row.loggedOut && !core.fault('logout-keeps-refresh-token')) return refreshError('Token has been revoked');
  if (row.revoked && !core.fault('admin-revoke-ignores-refresh')) return refreshError('Token has been revoked');
  if (row.refreshRevoked) return refreshError('Token has been revoked');

  const keepRefresh = core.fault('refresh-not-rotated');
  // Rotation soft-deletes the old row: its access token and refresh token both die (observed §3.4).
  if (!keepRefresh) row.rotatedOut = true;
  const next = issue(core, core.clients.get(row.clientId) ?? client, row.userId, 'refresh_token', true, keepRefresh ? presented : undefined);
  respondWithTokens(ctx, next);
}

export interface Issued {
  row: TokenRow;
  withRefresh: boolean;
}

/** Creates a token row and its JWT the way SuiteCRM's AccessTokenEntity does (float times, 80-hex jti). */
export function issue(core: TargetCore, client: Client, userId: string, grant: string, withRefresh: boolean, reuseRefresh?: string): Issued {
  const now = core.now();
  const ttl = core.options.accessTtlSeconds;
  const jti = core.fault('jwt-jti-constant') ? 'f'.repeat(80) : randomBytes(40).toString('hex');
  const life = core.fault('jwt-exp-shorter-than-expires-in') ? ttl / 2 : ttl;
  const header = { typ: core.fault('jwt-header-typ-wrong') ? 'JWS' : 'JWT', alg: 'RS256' };
  const payload = {
    aud: core.fault('jwt-aud-not-client') ? 'suitecrm' : client.id,
    jti,
    iat: round6(now),
    nbf: round6(now + 0.000002),
    exp: round6(now + life - 0.01),
    sub: grant === 'client_credentials' ? '' : userId,
    scopes: [],
  };
  const accessToken = signJwt(header, payload, core.signingKeys().privateKey);
  const row: TokenRow = {
    rowId: randomUUID(),
    jti,
    accessToken,
    clientId: client.id,
    userId,
    grant,
    createdAt: now,
    accessExpires: now + life,
    revoked: false,
    loggedOut: false,
    rotatedOut: false,
  };
  if (withRefresh) {
    row.refreshToken = reuseRefresh ?? `def50200${randomBytes(386).toString('hex')}`;
    row.refreshExpires = now + core.options.refreshTtlSeconds;
    core.refreshIndex.set(row.refreshToken, row);
  }
  core.tokens.set(accessToken, row);
  return { row, withRefresh };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const CACHEABLE_FAULT: Record<string, string> = {
  password: 'password-response-cacheable',
  client_credentials: 'cc-response-cacheable',
  refresh_token: 'refresh-response-cacheable',
  authorization_code: 'code-response-cacheable',
};
const NO_TYPE_FAULT: Record<string, string> = {
  password: 'password-response-missing-token-type',
  client_credentials: 'cc-response-missing-token-type',
  refresh_token: 'refresh-response-missing-token-type',
  authorization_code: 'code-response-missing-token-type',
};

export function respondWithTokens(ctx: Ctx, { row, withRefresh }: Issued): void {
  const core = ctx.core;
  const body: Record<string, unknown> = {};
  if (!core.fault(NO_TYPE_FAULT[row.grant]!)) body.token_type = 'Bearer';
  body.expires_in = core.options.accessTtlSeconds;
  body.access_token = row.accessToken;
  if (withRefresh && row.refreshToken) body.refresh_token = row.refreshToken;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
  if (!core.fault(CACHEABLE_FAULT[row.grant]!)) {
    headers.pragma = 'no-cache';
    headers['cache-control'] = 'no-store';
  }
  sendJson(ctx, 200, body, headers);
}
