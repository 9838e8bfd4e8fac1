// Per-grant checks of a successful token response (RFC 6749 §5.1) and of the token's use.
import { accessGranted, bodyObject, describe, header, isSuccess } from '../conditions.js';
import { validate } from '../../schema/validate.js';
import { fail, pass, type CheckDef, type Exchange, type Requirement } from '../types.js';

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
    requires: REQUIRES[grant],
    evaluate: evaluateTokenResponse,
  };
}

/** §5.1: "Cache-Control: no-store"; Pragma is deprecated (RFC 9111 §5.4), so only a note. */
export function evaluateNoStore(ex: Exchange): ReturnType<CheckDef['evaluate']> {
  if (!isSuccess(ex)) return fail(`no successful token response: ${describe(ex)}`);
  const cc = header(ex, 'cache-control');
  if (!cc || !/(^|,)\s*no-store\s*(,|$)/i.test(cc)) return fail(`Cache-Control is ${cc ? `"${cc}"` : 'absent'}; a token response must carry no-store`);
  return header(ex, 'pragma') ? pass() : pass('no Pragma: no-cache (deprecated by RFC 9111, advisory only)');
}

export function noStoreCheck(grant: GrantKey): CheckDef {
  return {
    id: `oauth2.${grant}.no-store`,
    title: `${GRANT_NAME[grant]} grant: the token response is not cacheable (Cache-Control: no-store)`,
    specRefs: ['RFC 6749 §5.1'],
    severity: 'must',
    requires: REQUIRES[grant],
    evaluate: evaluateNoStore,
  };
}

export function tokenWorksCheck(grant: GrantKey): CheckDef {
  return {
    id: `oauth2.${grant}.token-works`,
    title: `${GRANT_NAME[grant]} grant: the access token is accepted on a resource request`,
    specRefs: ['RFC 6749 §7', 'RFC 6750 §2.1'],
    severity: 'must',
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
  requires: ['grant:client_credentials'],
  evaluate(ex) {
    if (!isSuccess(ex)) return fail(`no successful token response: ${describe(ex)}`);
    return bodyObject(ex)?.refresh_token === undefined ? pass() : fail('the client_credentials response carries a refresh_token');
  },
};

export const CLIENT_CREDENTIALS_CHECKS = [
  responseSchemaCheck('client-credentials'),
  noStoreCheck('client-credentials'),
  tokenWorksCheck('client-credentials'),
  ccNoRefreshToken,
];
