// Token endpoint errors (RFC 6749 §5.2): the security outcome (no token) and the wire format
// (status + error code) are separate checks, so a report tells a hole from a format departure.
import { bearerChallengeBasic, describe, header, noServerError, oauthError, tokenRefused, bodyObject } from '../conditions.js';
import { validate } from '../../schema/validate.js';
import { fail, pass, type CheckDef, type Exchange, type Requirement } from '../types.js';

const PW: Requirement[] = ['grant:password'];
const RT: Requirement[] = ['grant:password', 'grant:refresh_token'];

export const errorResponseSchema: CheckDef<Exchange[]> = {
  id: 'oauth2.errors.error-response-schema',
  title: 'error responses are JSON objects with a valid error member',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate(exchanges) {
    for (const ex of exchanges) {
      if (!ex.response || ex.response.status < 400) return fail(`expected an error response, got ${describe(ex)}`);
      const ct = header(ex, 'content-type') ?? '';
      if (!/^application\/json\b/i.test(ct)) return fail(`error response Content-Type is "${ct}", §5.2 requires application/json`);
      const body = bodyObject(ex);
      if (!body) return fail(`error response body is not a JSON object (${describe(ex)})`);
      const res = validate('oauth-error', body);
      if (!res.valid) return fail(`HTTP ${ex.response.status} error body does not match schemas/oauth-error.schema.json: ${res.errors}`);
    }
    return pass();
  },
};

export const wrongSecretRejected: CheckDef = {
  id: 'oauth2.errors.wrong-secret-rejected',
  title: 'a wrong client secret gets no token',
  specRefs: ['RFC 6749 §2.3.1', 'RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => tokenRefused(ex, 'a wrong client_secret'),
};

export const wrongSecretInvalidClient: CheckDef = {
  id: 'oauth2.errors.wrong-secret-invalid-client',
  title: 'a wrong client secret gets 401 (or 400) invalid_client',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => oauthError(ex, { status: [400, 401], error: ['invalid_client'] }, 'wrong client_secret'),
};

export const unknownClientRejected: CheckDef = {
  id: 'oauth2.errors.unknown-client-rejected',
  title: 'an unknown client id gets no token',
  specRefs: ['RFC 6749 §2.3', 'RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => tokenRefused(ex, 'an unknown client_id'),
};

export const unknownClientInvalidClient: CheckDef = {
  id: 'oauth2.errors.unknown-client-invalid-client',
  title: 'an unknown client id gets 401 (or 400) invalid_client',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => oauthError(ex, { status: [400, 401], error: ['invalid_client'] }, 'unknown client_id'),
};

export const basicAuthChallenge: CheckDef = {
  id: 'oauth2.errors.basic-auth-challenge',
  title: 'a failed HTTP Basic client authentication gets 401 invalid_client with WWW-Authenticate',
  specRefs: ['RFC 6749 §5.2', 'RFC 6749 §2.3.1'],
  severity: 'must',
  requires: PW,
  evaluate(ex) {
    const fmt = oauthError(ex, { status: [401], error: ['invalid_client'] }, 'wrong secret via HTTP Basic');
    return fmt.pass ? bearerChallengeBasic(ex) : fmt;
  },
};

export const wrongPasswordRejected: CheckDef = {
  id: 'oauth2.errors.wrong-password-rejected',
  title: "a wrong user password gets no token",
  specRefs: ['RFC 6749 §4.3.2', 'RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => tokenRefused(ex, 'a wrong password'),
};

export const wrongPasswordInvalidGrant: CheckDef = {
  id: 'oauth2.errors.wrong-password-invalid-grant',
  title: 'a wrong user password gets 400 invalid_grant',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['invalid_grant'] }, 'wrong password'),
};

export const unknownUserInvalidGrant: CheckDef = {
  id: 'oauth2.errors.unknown-user-invalid-grant',
  title: 'an unknown username gets 400 invalid_grant',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['invalid_grant'] }, 'unknown username'),
};

export const badRefreshTokenRejected: CheckDef = {
  id: 'oauth2.errors.bad-refresh-token-rejected',
  title: 'a made-up refresh token gets no token',
  specRefs: ['RFC 6749 §6', 'RFC 6749 §10.4'],
  severity: 'must',
  requires: RT,
  evaluate: (ex) => tokenRefused(ex, 'a made-up refresh token'),
};

export const badRefreshTokenInvalidGrant: CheckDef = {
  id: 'oauth2.errors.bad-refresh-token-invalid-grant',
  title: 'a made-up refresh token gets 400 invalid_grant',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: RT,
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['invalid_grant'] }, 'made-up refresh token'),
};

export const unsupportedGrantType: CheckDef = {
  id: 'oauth2.errors.unsupported-grant-type',
  title: 'an unknown grant_type gets 400 unsupported_grant_type',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['unsupported_grant_type'] }, 'unknown grant_type'),
};

export const missingParameterInvalidRequest: CheckDef = {
  id: 'oauth2.errors.missing-parameter-invalid-request',
  title: 'a password grant without username gets 400 invalid_request',
  specRefs: ['RFC 6749 §4.3.2', 'RFC 6749 §5.2'],
  severity: 'must',
  requires: PW,
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['invalid_request'] }, 'password grant without username'),
};

export const missingGrantTypeInvalidRequest: CheckDef = {
  id: 'oauth2.errors.missing-grant-type-invalid-request',
  title: 'a token request without grant_type gets 400 invalid_request',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'should',
  requires: PW,
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['invalid_request'] }, 'request without grant_type'),
};

const GNA: Requirement[] = ['grant:password', 'grant:client_credentials'];

export const grantNotAllowedRejected: CheckDef = {
  id: 'oauth2.errors.grant-not-allowed-rejected',
  title: 'a client gets no token with a grant it is not registered for',
  specRefs: ['RFC 6749 §5.2', 'RFC 6749 §10.3'],
  severity: 'must',
  requires: GNA,
  evaluate: (ex) => tokenRefused(ex, 'a grant the client is not registered for'),
};

export const grantNotAllowedUnauthorizedClient: CheckDef = {
  id: 'oauth2.errors.grant-not-allowed-unauthorized-client',
  title: 'a grant the client is not registered for gets 400 unauthorized_client',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'should',
  requires: GNA,
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['unauthorized_client'] }, 'grant not allowed for the client'),
};

export const noServerErrorOnMalformed: CheckDef<{ label: string; ex: Exchange }[]> = {
  id: 'oauth2.errors.no-server-error',
  title: 'malformed token requests never produce a server error',
  specRefs: ['RFC 6749 §5.2', 'RFC 9110 §15.6'],
  severity: 'must',
  requires: PW,
  evaluate: noServerError,
};

export const ERROR_CHECKS = [
  errorResponseSchema,
  wrongSecretRejected,
  wrongSecretInvalidClient,
  unknownClientRejected,
  unknownClientInvalidClient,
  basicAuthChallenge,
  wrongPasswordRejected,
  wrongPasswordInvalidGrant,
  unknownUserInvalidGrant,
  badRefreshTokenRejected,
  badRefreshTokenInvalidGrant,
  unsupportedGrantType,
  missingParameterInvalidRequest,
  missingGrantTypeInvalidRequest,
  grantNotAllowedRejected,
  grantNotAllowedUnauthorizedClient,
  noServerErrorOnMalformed,
];
