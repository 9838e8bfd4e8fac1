// Presenting bearer tokens to protected resources (RFC 6750).
import { accessGranted, accessRefused, bearerChallenge, describe } from './conditions.js';
import { fail, pass, type CheckDef, type Exchange, type Requirement } from './types.js';

const R: Requirement[] = ['resource-api'];
const RT: Requirement[] = ['tokens:access', 'resource-api'];
/** Checks that need some valid token, by whatever grant the profile offers (fixtures/tokens.ts). */
const ANY: Requirement[] = RT;
/** RFC 6750 §3.1 invalid_request (400) and 401 are both acceptable for malformed presentations. */
const REFUSED = [400, 401];

export const missingToken401: CheckDef = {
  id: 'bearer.missing-token-401',
  title: 'a resource request without credentials gets 401',
  specRefs: ['RFC 6750 §3', 'RFC 6750 §3.1'],
  severity: 'must',
  requires: R,
  evaluate: (ex) => accessRefused(ex, 'a request without credentials', [401]),
};

export const missingTokenChallenge: CheckDef = {
  id: 'bearer.missing-token-challenge',
  title: 'a resource 401 without credentials carries WWW-Authenticate: Bearer',
  specRefs: ['RFC 6750 §3'],
  severity: 'must',
  requires: R,
  evaluate(ex) {
    const o = bearerChallenge(ex);
    return o.verdict === 'pass' && /error=/.test(ex.response?.headers['www-authenticate'] ?? '')
      ? pass('the challenge has an error code although no credentials were sent (RFC 6750 §3.1 SHOULD NOT)')
      : o;
  },
};

export const invalidToken401: CheckDef<{ label: string; ex: Exchange }[]> = {
  id: 'bearer.invalid-token-401',
  title: 'made-up and tampered access tokens get 401',
  specRefs: ['RFC 6750 §3.1'],
  severity: 'must',
  requires: ANY,
  evaluate(list) {
    for (const { label, ex } of list) {
      const o = accessRefused(ex, label, [401]);
      if (o.verdict !== 'pass') return o;
    }
    return pass();
  },
};

export const invalidTokenChallenge: CheckDef = {
  id: 'bearer.invalid-token-challenge',
  title: 'a tampered access token gets WWW-Authenticate: Bearer error="invalid_token"',
  specRefs: ['RFC 6750 §3.1'],
  severity: 'must',
  requires: ANY,
  evaluate: (ex) => bearerChallenge(ex, 'invalid_token'),
};

export const malformedAuthorization: CheckDef<{ label: string; ex: Exchange }[]> = {
  id: 'bearer.malformed-authorization',
  title: 'a malformed Authorization header gets 400 or 401, never 2xx or 5xx',
  specRefs: ['RFC 6750 §2.1', 'RFC 6750 §3.1'],
  severity: 'must',
  requires: RT,
  evaluate(list) {
    for (const { label, ex } of list) {
      const o = accessRefused(ex, label, REFUSED);
      if (o.verdict !== 'pass') return o;
    }
    return pass();
  },
};

export const queryTokenRefused: CheckDef = {
  id: 'bearer.query-token-refused',
  title: 'an access token in the query string is not accepted',
  specRefs: ['RFC 6750 §2.3', 'RFC 6750 §5.3', 'RFC 9700 §4.3.2'],
  severity: 'should',
  requires: ANY,
  evaluate: (ex) => accessRefused(ex, 'a token in ?access_token=', REFUSED),
};

export const schemeCaseInsensitive: CheckDef = {
  id: 'bearer.scheme-case-insensitive',
  title: 'the Bearer scheme is matched case-insensitively ("bearer <token>" works)',
  specRefs: ['RFC 6750 §2.1', 'RFC 9110 §11.1'],
  severity: 'must',
  requires: RT,
  evaluate: (ex) => accessGranted(ex, '"bearer" in lower case'),
};

export const rawTokenRefused: CheckDef = {
  id: 'bearer.raw-token-refused',
  title: 'a bare token without the Bearer scheme is refused',
  specRefs: ['RFC 6750 §2.1'],
  severity: 'should',
  requires: RT,
  evaluate: (ex) => accessRefused(ex, 'an Authorization header with no scheme', REFUSED),
};

export const refreshTokenRefused: CheckDef = {
  id: 'bearer.refresh-token-refused',
  title: 'a refresh token is not accepted as an access token',
  specRefs: ['RFC 6749 §1.5', 'RFC 6749 §10.4'],
  severity: 'must',
  requires: ['tokens:refresh', 'resource-api'],
  evaluate: (ex) => (ex.response ? accessRefused(ex, 'the refresh token as a bearer token', REFUSED) : fail(describe(ex))),
};

export const BEARER_CHECKS = [
  missingToken401,
  missingTokenChallenge,
  invalidToken401,
  invalidTokenChallenge,
  malformedAuthorization,
  queryTokenRefused,
  schemeCaseInsensitive,
  rawTokenRefused,
  refreshTokenRefused,
];
