// RFC 7009 token revocation endpoint, for profiles that declare one (generic-oauth2 in the
// self-test). SuiteCRM itself has none (observed §3.4); each departure below is a named fault.
import type { Ctx } from '../../core.js';
import { oauthError, parseBasic, parseTokenBody } from './token.js';

export function revocationEndpoint(ctx: Ctx): void {
  const core = ctx.core;
  const p = parseTokenBody(ctx);
  const str = (k: string) => (typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : undefined);
  // §2.1: the client authenticates as at the token endpoint.
  const basic = parseBasic(ctx.req.headers.authorization);
  const clientId = str('client_id') ?? basic?.id;
  const secret = (typeof p.client_secret === 'string' ? p.client_secret : undefined) ?? basic?.secret;
  const client = clientId ? core.clients.get(clientId) : undefined;
  const authenticated = !!client && !client.deleted && secret === client.secret;
  if (!authenticated && !core.fault('revocation-no-client-auth')) {
    return oauthError(ctx, 401, 'invalid_client', basic ? { headers: { 'www-authenticate': 'Basic realm="OAuth"' } } : {});
  }
  const token = str('token');
  if (!token) return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `token` parameter' });
  // §2.1: the hint only speeds the lookup up; a wrong hint must not stop the revocation.
  const asRefresh = core.refreshIndex.get(token);
  const asAccess = core.tokens.get(token);
  const row = asRefresh ?? asAccess;
  if (!row) {
    // §2.2: an invalid token is no error: the client cannot do anything about it.
    if (core.fault('revocation-unknown-token-400')) return oauthError(ctx, 400, 'invalid_request', { hint: 'Token not found' });
    return ok(ctx);
  }
  // §2.1: a token issued to another client is not this client's to revoke.
  if (client && row.clientId !== client.id && !core.fault('revocation-any-client')) return oauthError(ctx, 400, 'invalid_grant', { description: 'The token was issued to another client.' });
  if (asRefresh) {
    if (!core.fault('revocation-endpoint-ignores-refresh')) {
      row.refreshRevoked = true;
      // §2.1 SHOULD: the access tokens of the same grant go too.
      if (!core.fault('revocation-refresh-keeps-access')) row.accessRevoked = true;
    }
  } else if (!core.fault('revocation-endpoint-ignores-access')) row.accessRevoked = true;
  return ok(ctx);
}

function ok(ctx: Ctx): void {
  ctx.res.writeHead(200, { 'cache-control': 'no-store', 'content-length': '0' }).end();
}
