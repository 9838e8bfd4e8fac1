// Presenting bearer tokens to protected resources (RFC 6750). The security outcome (was access
// granted at all?) and the wire format (401, the challenge, its error code) are separate checks. Each
// judges a refusal against its control: the same request with a valid token is granted.
import { succeeds, accessGranted, bearerChallenge, challengeOfRefusal, controlled, deniedControl, describe, header, invalidTokenErrorCode, isSuccess, judgeEach, notAccepted, ofRefusals, parseChallenge, refusedWith, status401, type Control, type Labeled } from './conditions.js';
import { fail, type CheckDef, type Exchange, type Outcome, type Requirement } from './types.js';

const R: Requirement[] = ['resource-api'];
const RT: Requirement[] = ['tokens:access', 'resource-api'];
/** Checks that need some valid token, by whatever grant the profile offers (fixtures/tokens.ts). */
const ANY: Requirement[] = RT;
/** RFC 6750 §3.1 invalid_request (400) and 401 are both acceptable for malformed presentations. */
const REFUSED = [400, 401];

/** A request with the cause and the same request with a valid token (the control). */
export interface PresentedEvidence {
  attempt: Exchange;
  control: Exchange;
}

const validToken = (ex: Exchange): Control => succeeds('the same request with a valid token', ex);

/** RFC 6750 §3: "If the protected resource request does not include authentication credentials …,
 * the resource server MUST include the HTTP "WWW-Authenticate" response header field". */
export const missingTokenChallenge: CheckDef<PresentedEvidence> = {
  id: 'bearer.missing-token-challenge',
  title: 'a resource request without credentials gets a WWW-Authenticate challenge with the "Bearer" scheme',
  specRefs: ['RFC 6750 §3'],
  severity: 'must',
  keyword: 'MUST',
  requires: R,
  evaluate: (e) => controlled([validToken(e.control)], () => bearerChallenge(e.attempt)),
};

/** RFC 6750 §3.1: the 401 (as for invalid_token, "The resource SHOULD respond with the HTTP 401") and
 * "If the request lacks any authentication information …, the resource server SHOULD NOT include an
 * error code or other error information." */
export const missingToken401: CheckDef<PresentedEvidence> = {
  id: 'bearer.missing-token-401',
  title: 'a resource request without credentials gets 401, its challenge without an error code',
  specRefs: ['RFC 6750 §3.1'],
  severity: 'should',
  keyword: 'SHOULD',
  requires: R,
  evaluate: (e) =>
    controlled([validToken(e.control)], () => {
      const status = refusedWith(e.attempt, 'a request without credentials', [401]);
      if (status.verdict !== 'pass') return status;
      const error = parseChallenge(header(e.attempt, 'www-authenticate'))?.params.error;
      return error ? fail(`the challenge carries error="${error}" although no credentials were sent (RFC 6750 §3.1: SHOULD NOT)`) : status;
    }),
};

export interface InvalidTokensEvidence {
  probes: Labeled[];
  /** The genuine token the tampered one was made from, on the same request (the control). */
  control: Exchange;
}

/** RFC 6749 §7: "The resource server MUST validate the access token". Any refusal will do here. */
export const invalidTokenRefused: CheckDef<InvalidTokensEvidence> = {
  id: 'bearer.invalid-token-refused',
  title: 'made-up and tampered access tokens are refused (no data)',
  specRefs: ['RFC 6749 §7', 'RFC 6750 §3.1'],
  severity: 'must',
  keyword: 'MUST',
  requires: ANY,
  evaluate: (e) => controlled([validToken(e.control)], () => judgeEach(e.probes, notAccepted)),
};

/** RFC 6750 §3.1 invalid_token: "The resource SHOULD respond with the HTTP 401 (Unauthorized) status code". */
export const invalidToken401: CheckDef<InvalidTokensEvidence> = {
  id: 'bearer.invalid-token-401',
  title: 'made-up and tampered access tokens are refused with 401',
  specRefs: ['RFC 6750 §3.1'],
  severity: 'should',
  keyword: 'SHOULD',
  requires: ANY,
  evaluate: (e) => controlled([validToken(e.control)], () => ofRefusals(e.probes, 'bearer.invalid-token-refused', status401)),
};

/** RFC 6750 §3: "If the protected resource request included an access token and failed
 * authentication, the resource server SHOULD include the "error" attribute"; §3.1: invalid_token. */
export const invalidTokenError: CheckDef<InvalidTokensEvidence> = {
  id: 'bearer.invalid-token-error',
  title: 'the challenge of a refused made-up or tampered access token says error="invalid_token"',
  specRefs: ['RFC 6750 §3', 'RFC 6750 §3.1'],
  severity: 'should',
  keyword: 'SHOULD',
  requires: ANY,
  evaluate: (e) => controlled([validToken(e.control)], () => ofRefusals(e.probes, 'bearer.invalid-token-refused', invalidTokenErrorCode)),
};

/** RFC 6750 §3: a request whose token "does not contain an access token that enables access" gets
 * the challenge (MUST); the error attribute is bearer.invalid-token-error's SHOULD. */
export const invalidTokenChallenge: CheckDef<PresentedEvidence> = {
  id: 'bearer.invalid-token-challenge',
  title: 'the refusal of a tampered access token carries WWW-Authenticate: Bearer',
  specRefs: ['RFC 6750 §3'],
  severity: 'must',
  keyword: 'MUST',
  requires: ANY,
  evaluate: (e) =>
    controlled([validToken(e.control)], () => challengeOfRefusal(e.attempt, 'the tampered token')),
};

/** Status of a presentation the server should not honour: 2xx is accepted, else one of `allowed`. */
function statusIn(ex: Exchange, what: string, allowed: readonly number[]): Outcome {
  // refusedWith() leaves an acceptance to the security check; here it is this check's own finding.
  return isSuccess(ex) ? fail(`${what} was accepted: ${describe(ex)}`) : refusedWith(ex, what, allowed);
}

export interface MalformedEvidence {
  probes: Labeled[];
  /** "Bearer <token>" with the same token (the control). */
  control: Exchange;
}

/** RFC 6750 §3.1 invalid_request: "The resource server SHOULD respond with the HTTP 400 (Bad
 * Request) status code" (401 is tolerated, rfc-notes); never 2xx or 5xx. */
export const malformedAuthorization: CheckDef<MalformedEvidence> = {
  id: 'bearer.malformed-authorization',
  title: 'a malformed Authorization header gets 400 or 401, never 2xx or 5xx',
  specRefs: ['RFC 6750 §3.1', 'RFC 6750 §2.1'],
  severity: 'should',
  keyword: 'SHOULD',
  requires: RT,
  evaluate: (e) => controlled([validToken(e.control)], () => judgeEach(e.probes, (ex, label) => statusIn(ex, label, REFUSED))),
};

/** The token in the wrong place, the same token in the header (the control), and no credentials at
 * all (the baseline: refused, so an acceptance is the token's doing, not an open resource). */
export interface PlacementEvidence extends PresentedEvidence {
  baseline: Exchange;
}

const placementControls = (e: PlacementEvidence): Control[] => [
  succeeds('the same token as "Authorization: Bearer"', e.control),
  deniedControl('the same request without credentials', e.baseline),
];

/** RFC 6750 §2.3: "Resource servers MAY support this method" (a token in the query), though clients
 * SHOULD NOT use it (§5.3; RFC 9700 §4.3.2): accepting it is an advisory finding. */
export const queryTokenRefused: CheckDef<PlacementEvidence> = {
  id: 'bearer.query-token-refused',
  title: 'an access token in the query string is not accepted',
  specRefs: ['RFC 6750 §2.3', 'RFC 6750 §5.3', 'RFC 9700 §4.3.2'],
  severity: 'advisory',
  keyword: 'MAY',
  requires: ANY,
  evaluate: (e) => controlled(placementControls(e), () => notAccepted(e.attempt, 'a token in ?access_token=')),
};

/** RFC 6750 §2.1 (credentials = "Bearer" 1*SP b64token) leaves the scheme case to RFC 9110 §11.1 ("a
 * case-insensitive token to identify the authentication scheme"); "Resource servers MUST support
 * this method." */
export const schemeCaseInsensitive: CheckDef<PresentedEvidence> = {
  id: 'bearer.scheme-case-insensitive',
  title: 'the "Bearer" scheme is matched case-insensitively ("bearer <token>" works)',
  specRefs: ['RFC 6750 §2.1', 'RFC 9110 §11.1'],
  severity: 'must',
  keyword: 'MUST',
  requires: RT,
  evaluate: (e) => controlled([succeeds('the same token as "Bearer <token>"', e.control)], () => accessGranted(e.attempt, '"bearer" in lower case')),
};

/** A bare token is no "Bearer" 1*SP b64token credential (RFC 6750 §2.1): a malformed request that
 * "SHOULD" be refused (§3.1 invalid_request). */
export const rawTokenRefused: CheckDef<PlacementEvidence> = {
  id: 'bearer.raw-token-refused',
  title: 'a bare token without the "Bearer" scheme is refused',
  specRefs: ['RFC 6750 §2.1', 'RFC 6750 §3.1'],
  severity: 'should',
  keyword: 'SHOULD',
  requires: RT,
  evaluate: (e) => controlled(placementControls(e), () => notAccepted(e.attempt, 'an Authorization header with no scheme')),
};

/** A refresh token is no access token, and the resource server "MUST validate the access token"
 * (RFC 6749 §7); refresh tokens "are never sent to resource servers" (§1.5). */
export const refreshTokenRefused: CheckDef<PresentedEvidence> = {
  id: 'bearer.refresh-token-refused',
  title: 'a refresh token is not accepted as an access token',
  specRefs: ['RFC 6749 §7', 'RFC 6749 §1.5', 'RFC 6749 §10.4'],
  severity: 'must',
  keyword: 'MUST',
  requires: ['tokens:refresh', 'resource-api'],
  evaluate: (e) =>
    controlled([succeeds('the access token of the same pair', e.control)], () => notAccepted(e.attempt, 'the refresh token as a bearer token')),
};

export const BEARER_CHECKS = [
  missingToken401,
  missingTokenChallenge,
  invalidTokenRefused,
  invalidToken401,
  invalidTokenError,
  invalidTokenChallenge,
  malformedAuthorization,
  queryTokenRefused,
  schemeCaseInsensitive,
  rawTokenRefused,
  refreshTokenRefused,
];
