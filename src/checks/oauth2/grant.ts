// Per-grant checks of a successful token response (RFC 6749 §5.1) and of the token's use.
import { accessGranted, bodyObject, describe, header, isSuccess } from '../conditions.js';
import { validate } from '../../schema/validate.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange, type Requirement } from '../types.js';

export type GrantKey = 'password' | 'client-credentials' | 'refresh';

const GRANT_NAME: Record<GrantKey, string> = {
  password: 'password',
  'client-credentials': 'client_credentials',
  refresh: 'refresh_token',
};

const REQUIRES: Record<GrantKey, Requirement[]> = {
  password: ['grant:password'],
  'client-credentials': ['grant:client_credentials'],
  refresh: ['tokens:refresh'],
};

/** §5.1: JSON object with access_token and token_type; expires_in RECOMMENDED. */
export function evaluateTokenResponse(ex: Exchange): ReturnType<CheckDef['evaluate']> {
  if (!isSuccess(ex)) return fail(`no successful token response: ${describe(ex)}`);
  const ct = header(ex, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(ct)) return fail(`token response Content-Type is "${ct}", RFC 6749 §5.1 requires application/json`);
  const body = bodyObject(ex);
  if (!body) return fail('token response body is not a JSON object');
  const res = validate('token-response', body);
  if (!res.valid) return fail(`token response does not match schemas/token-response.schema.json: ${res.errors}`);
  if (String(body.token_type).toLowerCase() !== 'bearer') return fail(`token_type is "${String(body.token_type)}", expected Bearer`);
  return body.expires_in === undefined ? pass('expires_in absent (RECOMMENDED by §5.1)') : pass();
}

export function responseSchemaCheck(grant: GrantKey): CheckDef {
  return {
    id: `oauth2.${grant}.response-schema`,
    title: `${GRANT_NAME[grant]} grant: the token response is a valid RFC 6749 §5.1 response`,
    specRefs: ['RFC 6749 §5.1'],
    severity: 'must',
    // §5.1: access_token REQUIRED, token_type REQUIRED, in an application/json body.
    keyword: 'REQUIRED',
    requires: REQUIRES[grant],
    evaluate: evaluateTokenResponse,
  };
}

/** §5.1: "The authorization server MUST include the HTTP "Cache-Control" response header field
 * [RFC2616] with a value of "no-store" … as well as the "Pragma" response header field [RFC2616]
 * with a value of "no-cache"." A known departure: Pragma is not demanded, since RFC 9111 §5.4
 * deprecates it (caches that honour no-store need no Pragma); its absence is noted, not failed. */
export function evaluateNoStore(ex: Exchange): ReturnType<CheckDef['evaluate']> {
  if (!isSuccess(ex)) return inconclusive(`no successful token response whose caching could be judged: ${describe(ex)}`);
  const cc = header(ex, 'cache-control');
  if (!cc || !/(^|,)\s*no-store\s*(,|$)/i.test(cc)) return fail(`Cache-Control is ${cc ? `"${cc}"` : 'absent'}; a token response must carry no-store`);
  return header(ex, 'pragma')
    ? pass()
    : pass('no Pragma: no-cache; RFC 6749 §5.1 asks for it too, but this suite knowingly does not demand it: RFC 9111 §5.4 deprecates Pragma');
}

export function noStoreCheck(grant: GrantKey): CheckDef {
  return {
    id: `oauth2.${grant}.no-store`,
    title: `${GRANT_NAME[grant]} grant: the token response is not cacheable (Cache-Control: no-store)`,
    specRefs: ['RFC 6749 §5.1', 'RFC 9111 §5.4'],
    severity: 'must',
    keyword: 'MUST',
    requires: REQUIRES[grant],
    evaluate: evaluateNoStore,
  };
}

export function tokenWorksCheck(grant: GrantKey): CheckDef {
  return {
    id: `oauth2.${grant}.token-works`,
    title: `${GRANT_NAME[grant]} grant: the access token is accepted on a resource request`,
    specRefs: ['RFC 6750 §2.1', 'RFC 6749 §7'],
    severity: 'must',
    // RFC 6750 §2.1: "Resource servers MUST support this method" (the Authorization: Bearer header).
    keyword: 'MUST',
    requires: [...REQUIRES[grant], 'resource-api'],
    evaluate: (ex) => accessGranted(ex, 'resource request with the new access token'),
  };
}

export const PASSWORD_CHECKS = [responseSchemaCheck('password'), noStoreCheck('password'), tokenWorksCheck('password')];
export const REFRESH_GRANT_CHECKS = [responseSchemaCheck('refresh'), noStoreCheck('refresh'), tokenWorksCheck('refresh')];

export const ccNoRefreshToken: CheckDef = {
  id: 'oauth2.client-credentials.no-refresh-token',
  title: 'client_credentials grant: no refresh token is issued',
  specRefs: ['RFC 6749 §4.4.3'],
  severity: 'should',
  // §4.4.3: "A refresh token SHOULD NOT be included."
  keyword: 'SHOULD NOT',
  requires: ['grant:client_credentials'],
  evaluate(ex) {
    if (!isSuccess(ex)) return inconclusive(`no successful token response to look for a refresh token in: ${describe(ex)}`);
    return bodyObject(ex)?.refresh_token === undefined ? pass() : fail('the client_credentials response carries a refresh_token');
  },
};

export const CLIENT_CREDENTIALS_CHECKS = [
  responseSchemaCheck('client-credentials'),
  noStoreCheck('client-credentials'),
  tokenWorksCheck('client-credentials'),
  ccNoRefreshToken,
];
