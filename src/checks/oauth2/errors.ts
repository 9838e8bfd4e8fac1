// Token endpoint errors (RFC 6749 §5.2): the security outcome (no token) and the wire format
// (status + error code) are separate checks, so a report tells a hole from a format departure.
// Each judges a refusal against its control: the same request without the cause issues a token.
import { basicChallenge, bodyObject, controlled, describe, header, noServerError, refusalFormat, tokenControls } from '../conditions.js';
import { oauthErrorCheck, refusalCheck, type RefusalEvidence } from '../factories.js';
import { validate } from '../../schema/validate.js';
import { fail, pass, type CheckDef, type Exchange, type Requirement } from '../types.js';

const PW: Requirement[] = ['grant:password'];
/** A token request the harness sends itself, by whichever of password / client_credentials is offered. */
const DIRECT: Requirement[] = ['tokens:direct'];
const BASIC: Requirement[] = ['tokens:direct', 'client-auth:basic'];
const RT: Requirement[] = ['tokens:refresh'];

export const errorResponseSchema: CheckDef<Exchange[]> = {
  id: 'oauth2.errors.error-response-schema',
  title: 'error responses are JSON objects with a valid error member',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  keyword: 'REQUIRED',
  requires: DIRECT,
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

export const wrongSecretRejected = refusalCheck({
  id: 'oauth2.errors.wrong-secret-rejected',
  title: 'a wrong client secret gets no token',
  specRefs: ['RFC 6749 §4.3.2', 'RFC 6749 §2.3.1'],
  keyword: 'MUST',
  requires: DIRECT,
  what: 'a wrong client_secret',
  control: 'the same token request with the right client_secret',
});

export const wrongSecretInvalidClient = oauthErrorCheck({
  id: 'oauth2.errors.wrong-secret-invalid-client',
  title: 'a wrong client secret gets 401 (or 400) invalid_client',
  requires: DIRECT,
  what: 'wrong client_secret',
  control: 'the same token request with the right client_secret',
  status: [400, 401],
  error: ['invalid_client'],
});

export const unknownClientRejected = refusalCheck({
  id: 'oauth2.errors.unknown-client-rejected',
  title: 'an unknown client id gets no token',
  specRefs: ['RFC 6749 §4.3.2', 'RFC 6749 §2.3'],
  keyword: 'MUST',
  requires: DIRECT,
  what: 'an unknown client_id',
  control: 'the same token request with the registered client_id',
});

export const unknownClientInvalidClient = oauthErrorCheck({
  id: 'oauth2.errors.unknown-client-invalid-client',
  title: 'an unknown client id gets 401 (or 400) invalid_client',
  requires: DIRECT,
  what: 'unknown client_id',
  control: 'the same token request with the registered client_id',
  status: [400, 401],
  error: ['invalid_client'],
});

/** §5.2 invalid_client: "If the client attempted to authenticate via the "Authorization" request
 * header field, the authorization server MUST respond with an HTTP 401 (Unauthorized) status code
 * and include the "WWW-Authenticate" response header field matching the authentication scheme used
 * by the client." The control: the same Basic request with the right secret issues a token. */
export const basicAuthChallenge: CheckDef<RefusalEvidence> = {
  id: 'oauth2.errors.basic-auth-challenge',
  title: 'a failed HTTP Basic client authentication gets 401 invalid_client with a WWW-Authenticate challenge for "Basic"',
  specRefs: ['RFC 6749 §5.2', 'RFC 6749 §2.3.1'],
  severity: 'must',
  keyword: 'MUST',
  requires: BASIC,
  evaluate: (e) =>
    controlled(tokenControls('the same request with the right secret in HTTP "Basic"', e.control), () => {
      const fmt = refusalFormat(e.attempt, { status: [401], error: ['invalid_client'] }, 'a wrong secret via HTTP "Basic"');
      return fmt.verdict === 'pass' ? basicChallenge(e.attempt) : fmt;
    }),
};

export const wrongPasswordRejected = refusalCheck({
  id: 'oauth2.errors.wrong-password-rejected',
  title: "a wrong user password gets no token",
  specRefs: ['RFC 6749 §4.3.2'],
  keyword: 'MUST',
  requires: PW,
  what: 'a wrong password',
  control: 'the same password request with the right password',
});

export const wrongPasswordInvalidGrant = oauthErrorCheck({
  id: 'oauth2.errors.wrong-password-invalid-grant',
  title: 'a wrong user password gets 400 invalid_grant',
  requires: PW,
  what: 'wrong password',
  control: 'the same password request with the right password',
  status: [400],
  error: ['invalid_grant'],
});

export const unknownUserInvalidGrant = oauthErrorCheck({
  id: 'oauth2.errors.unknown-user-invalid-grant',
  title: 'an unknown username gets 400 invalid_grant',
  requires: PW,
  what: 'unknown username',
  control: 'the same password request with the registered username',
  status: [400],
  error: ['invalid_grant'],
});

export const badRefreshTokenRejected = refusalCheck({
  id: 'oauth2.errors.bad-refresh-token-rejected',
  title: 'a made-up refresh token gets no token',
  specRefs: ['RFC 6749 §6', 'RFC 6749 §10.4'],
  keyword: 'MUST',
  requires: RT,
  what: 'a made-up refresh token',
  control: 'a genuine refresh token of the same client',
});

export const badRefreshTokenInvalidGrant = oauthErrorCheck({
  id: 'oauth2.errors.bad-refresh-token-invalid-grant',
  title: 'a made-up refresh token gets 400 invalid_grant',
  requires: RT,
  what: 'made-up refresh token',
  control: 'a genuine refresh token of the same client',
  status: [400],
  error: ['invalid_grant'],
});

export const unsupportedGrantType = oauthErrorCheck({
  id: 'oauth2.errors.unsupported-grant-type',
  title: 'an unknown grant_type gets 400 unsupported_grant_type',
  requires: DIRECT,
  what: 'unknown grant_type',
  control: 'the same request with the grant_type the client uses',
  status: [400],
  error: ['unsupported_grant_type'],
});

export const missingParameterInvalidRequest = oauthErrorCheck({
  id: 'oauth2.errors.missing-parameter-invalid-request',
  title: 'a password grant without username gets 400 invalid_request',
  specRefs: ['RFC 6749 §5.2', 'RFC 6749 §4.3.2'],
  requires: PW,
  what: 'password grant without username',
  control: 'the same password request with the username',
  status: [400],
  error: ['invalid_request'],
});

export const missingGrantTypeInvalidRequest = oauthErrorCheck({
  id: 'oauth2.errors.missing-grant-type-invalid-request',
  title: 'a token request without grant_type gets 400 invalid_request',
  // The same §5.2 rule as a missing username ("The request is missing a required parameter"), at the same severity.
  specRefs: ['RFC 6749 §5.2', 'RFC 6749 §4.3.2'],
  requires: DIRECT,
  what: 'request without grant_type',
  control: 'the same token request with grant_type',
  status: [400],
  error: ['invalid_request'],
});

const GNA: Requirement[] = ['grant:password', 'grant:client_credentials'];

export const grantNotAllowedRejected = refusalCheck({
  id: 'oauth2.errors.grant-not-allowed-rejected',
  title: 'a client gets no token with a grant it is not registered for',
  // RFC 6749 defines no per-client grant registration (RFC 7591's grant_types does): honouring it is
  // the deployment's promise, a profile expectation.
  specRefs: ['RFC 6749 §5.2', 'RFC 7591 §2'],
  keyword: 'profile',
  requires: GNA,
  what: 'a grant the client is not registered for',
  control: "each client with its own grant (the password client's password grant, the client_credentials client's grant)",
});

export const grantNotAllowedUnauthorizedClient = oauthErrorCheck({
  id: 'oauth2.errors.grant-not-allowed-unauthorized-client',
  title: 'a grant the client is not registered for gets 400 unauthorized_client',
  requires: GNA,
  what: 'grant not allowed for the client',
  control: "each client with its own grant (the password client's password grant, the client_credentials client's grant)",
  status: [400],
  error: ['unauthorized_client'],
});

export const noServerErrorOnMalformed: CheckDef<{ label: string; ex: Exchange }[]> = {
  id: 'oauth2.errors.no-server-error',
  title: 'malformed token requests never produce a server error',
  specRefs: ['RFC 6749 §5.2', 'RFC 9110 §15.6'],
  severity: 'must',
  // §5.2: an error answer carries "error REQUIRED"; a 5xx crash page has none.
  keyword: 'REQUIRED',
  requires: DIRECT,
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
