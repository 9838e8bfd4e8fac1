// The V8 API's bearer-token middleware (league's ResourceServer + SuiteCRM's token repository).
import { sendJson, type Ctx, type TokenRow, type User } from '../../core.js';
import { verifyJwt } from '../../jwt.js';
import { forgedAccepted, nbfOnlyFailure, resignedAccepted } from './bearer-forgery.js';

export interface Principal {
  user: User;
  row?: TokenRow;
}

const DENIED = 'The resource owner or authorization server denied the request.';
const REALM = 'SuiteCRM';

/** A 401 as RFC 6750 §3 wants it, or as SuiteCRM sends it (no challenge, access_denied). */
export function deny(ctx: Ctx, hint: string, error?: 'invalid_token' | 'invalid_request'): void {
  const core = ctx.core;
  const headers: Record<string, string> = {};
  if (!core.fault('bearer-401-without-challenge')) {
    const withError = error && !(error === 'invalid_token' && core.fault('invalid-token-challenge-without-error'));
    headers['www-authenticate'] = withError
      ? `Bearer realm="${REALM}", error="${error}", error_description="${hint.replace(/"/g, "'")}"`
      : `Bearer realm="${REALM}"`;
  }
  // A refusal all the same, with another status: what the security checks must still pass.
  const status = core.fault('resource-refusals-403') && error !== 'invalid_request' ? 403 : 401;
  sendJson(ctx, status, { error: 'access_denied', error_description: DENIED, hint, message: DENIED }, headers);
}

function firstUser(ctx: Ctx): User {
  return ctx.core.users.get('1')!;
}

/** Resolves the caller or answers 401 itself (returns undefined). */
export function authenticate(ctx: Ctx): Principal | undefined {
  const core = ctx.core;
  let token: string | undefined;
  const queryToken = ctx.url.searchParams.get('access_token');
  const header = ctx.req.headers.authorization;
  if (queryToken && core.fault('query-token-accepted')) token = queryToken;
  else if (header === undefined || header.trim() === '') {
    if (core.fault('resource-open-without-token')) return { user: firstUser(ctx) };
    deny(ctx, 'Missing "Authorization" header');
    return undefined;
  } else {
    const m = /^(\S+)(?:\s+(.*))?$/.exec(header.trim());
    const scheme = m?.[1] ?? '';
    const rest = (m?.[2] ?? '').trim();
    if (!rest) {
      if (scheme.toLowerCase() === 'bearer') {
        if (core.fault('malformed-authorization-500')) {
          ctx.res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
          return undefined;
        }
        deny(ctx, 'The JWT string must have two dots', 'invalid_request');
        return undefined;
      }
      // A bare credential without any scheme.
      if (!core.fault('bearer-raw-token-accepted')) {
        deny(ctx, 'The JWT string must have two dots');
        return undefined;
      }
      token = scheme;
    } else {
      if (scheme.toLowerCase() !== 'bearer' || (scheme !== 'Bearer' && core.fault('bearer-scheme-case-sensitive'))) {
        // league strips only "Bearer "; lcobucci then parses the whole header: with a JWT after the
        // scheme it has two dots, and its first part ("bearer eyJ…") is no JSON (observed).
        deny(ctx, header.trim().split('.').length === 3 ? 'Error while decoding from JSON' : 'The JWT string must have two dots');
        return undefined;
      }
      if (/\s/.test(rest)) {
        deny(ctx, 'The JWT string must have two dots', 'invalid_request');
        return undefined;
      }
      token = rest;
    }
  }

  if (core.fault('refresh-token-accepted-as-bearer')) {
    const r = core.refreshIndex.get(token);
    if (r) return { user: core.users.get(r.userId) ?? firstUser(ctx), row: r };
  }
  const v = verifyJwt(token, core.verificationKeys(), core.now(), !core.fault('access-token-never-expires'));
  let forged: TokenRow | undefined;
  if (!v.ok) {
    if (core.fault('unsigned-token-accepted') && v.why === 'signature') return { user: firstUser(ctx) };
    forged = v.why === 'signature' ? forgedAccepted(core, token, ctx.jkuKeys) : v.why === 'time' && nbfOnlyFailure(core, token) ? resignedAccepted(core, token) : undefined;
    if (!forged) {
      deny(ctx, v.hint, 'invalid_token');
      return undefined;
    }
  }
  const row = forged ?? core.tokens.get(token) ?? resignedAccepted(core, token);
  const dead =
    !row ||
    row.rotatedOut ||
    (row.loggedOut && !core.fault('logout-keeps-access-token')) ||
    (row.revoked && !core.fault('admin-revoke-ignored-by-api')) ||
    !!row.accessRevoked;
  if (dead) {
    deny(ctx, 'Access token has been revoked', 'invalid_token');
    return undefined;
  }
  const user = core.users.get(row.userId);
  if (!user) {
    sendJson(ctx, 400, { errors: { status: 400, title: null, detail: 'Module id is empty when trying to get Users' } });
    return undefined;
  }
  return { user, row };
}

const UNUSABLE_FAULT: Record<string, string> = {
  password: 'password-token-unusable',
  client_credentials: 'cc-token-unusable',
  refresh_token: 'refresh-token-unusable',
  authorization_code: 'code-token-unusable',
};

/** Module routes refuse tokens of a grant whose "unusable" fault is on (logout stays usable). */
export function authenticateForModule(ctx: Ctx): Principal | undefined {
  const principal = authenticate(ctx);
  if (!principal?.row) return principal;
  const f = UNUSABLE_FAULT[principal.row.grant];
  if (f && ctx.core.fault(f)) {
    deny(ctx, 'Access token could not be verified', 'invalid_token');
    return undefined;
  }
  return principal;
}
