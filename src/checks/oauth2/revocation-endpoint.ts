// The RFC 7009 revocation endpoint, where a profile declares one (SuiteCRM has none). Each check
// judges what the client can observe afterwards, plus the status §2.2 fixes, against a control: the
// token worked before (access), or a sibling refresh token of the same client works (refresh).
import { succeeds, accessGranted, controlled, describe, notAccepted, oauthError, tokenControl, tokenRefused, type Control } from '../conditions.js';
import { all, fail, inconclusive, pass, type CheckDef, type Exchange, type Outcome, type Requirement } from '../types.js';

/** The revocation request, what the revoked (or not) token does afterwards, and the control. */
export interface RevokeEvidence {
  revoke: Exchange;
  after: Exchange;
  /** Access checks: the access token on the probe before the revocation. Refresh checks: a sibling
   * refresh token of the same client, refreshed. */
  control: Exchange;
}

const R: Requirement[] = ['tokens:refresh', 'revocation-endpoint'];

/** §2.2: "The authorization server responds with HTTP status code 200 if the token has been revoked
 * successfully or if the client submitted an invalid token." */
function answered200(ex: Exchange, what: string): Outcome {
  return ex.response?.status === 200 ? pass() : fail(`${what}: expected HTTP 200 (RFC 7009 §2.2), got ${describe(ex)}`);
}

const accessBefore = (e: RevokeEvidence): Control => succeeds('the same access token on the same request before the revocation', e.control);
const siblingRefresh = (e: RevokeEvidence): Control => tokenControl('a sibling refresh token of the same client', e.control);

export const revokesRefreshToken: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.revokes-refresh-token',
  title: 'a refresh token revoked at the revocation endpoint is refused by the refresh grant',
  specRefs: ['RFC 7009 §2', 'RFC 7009 §2.2'],
  severity: 'must',
  // §2: "Implementations MUST support the revocation of refresh tokens".
  keyword: 'MUST',
  requires: R,
  evaluate: (e) => controlled([siblingRefresh(e)], () => all(answered200(e.revoke, 'revoking the refresh token'), tokenRefused(e.after, 'the revoked refresh token'))),
};

export const revokesAccessToken: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.revokes-access-token',
  title: 'an access token revoked at the revocation endpoint is refused by the API',
  specRefs: ['RFC 7009 §2', 'RFC 7009 §2.2'],
  severity: 'should',
  // §2: "… and SHOULD support the revocation of access tokens".
  keyword: 'SHOULD',
  requires: [...R, 'resource-api'],
  evaluate: (e) => controlled([accessBefore(e)], () => all(answered200(e.revoke, 'revoking the access token'), notAccepted(e.after, 'the revoked access token'))),
};

export const refreshRevocationKillsAccess: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.refresh-revocation-kills-access',
  title: 'revoking a refresh token also invalidates the access token of the same grant',
  specRefs: ['RFC 7009 §2.1'],
  severity: 'should',
  // "… the authorization server SHOULD also invalidate all access tokens based on the same authorization grant".
  keyword: 'SHOULD',
  requires: [...R, 'resource-api'],
  evaluate: (e) =>
    controlled([accessBefore(e)], () => all(answered200(e.revoke, 'revoking the refresh token'), notAccepted(e.after, 'the access token of the revoked grant'))),
};

/** §2.2 states it in the indicative ("responds with HTTP status code 200 … if the client submitted
 * an invalid token"): the protocol's only behaviour, read as MUST (see docs/severities.md). */
export const invalidToken200: CheckDef<Exchange> = {
  id: 'oauth2.revocation-endpoint.invalid-token-200',
  title: 'revoking an unknown token answers 200',
  specRefs: ['RFC 7009 §2.2'],
  severity: 'must',
  keyword: 'MUST',
  requires: R,
  evaluate: (ex) => answered200(ex, 'revoking a token the server never issued'),
};

/** §2.1: the server "verifies whether the token was issued to the client making the revocation
 * request. If this validation fails, the request is refused" (indicative, read as MUST). */
export const otherClientRefused: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.other-client-refused',
  title: "a client cannot revoke another client's refresh token",
  specRefs: ['RFC 7009 §2.1'],
  severity: 'must',
  keyword: 'MUST',
  requires: [...R, 'tokens:second-client'],
  evaluate: (e) => controlled([siblingRefresh(e)], () => accessGranted(e.after, "after another client's revocation request, the refresh token")),
};

export const clientAuthRequired: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.client-auth-required',
  title: 'a revocation request with a wrong client secret is refused with invalid_client (401 for HTTP Basic) and revokes nothing',
  specRefs: ['RFC 7009 §2.1', 'RFC 6749 §5.2'],
  severity: 'must',
  // §2.1: "The authorization server first validates the client credentials" (indicative, read as MUST).
  keyword: 'MUST',
  requires: R,
  evaluate: (e) =>
    controlled([siblingRefresh(e)], () => {
      const revoked = e.revoke.response?.status === 200;
      // §5.2: 401 is required where the client authenticated in the Authorization header; else 400 or 401.
      const viaHeader = Object.keys(e.revoke.request.headers).some((k) => k.toLowerCase() === 'authorization');
      return all(
        revoked
          ? fail(`a revocation request with a wrong client secret was accepted: ${describe(e.revoke)}`)
          : oauthError(e.revoke, { status: viaHeader ? [401] : [400, 401], error: ['invalid_client'] }, 'revocation with a wrong client secret'),
        e.after.response ? accessGranted(e.after, 'after the unauthenticated revocation request, the refresh token') : inconclusive(`the refresh afterwards got no answer: ${describe(e.after)}`),
      );
    }),
};

export const REVOCATION_ENDPOINT_CHECKS = [revokesRefreshToken, revokesAccessToken, refreshRevocationKillsAccess, invalidToken200, otherClientRefused, clientAuthRequired];
