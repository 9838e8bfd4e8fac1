// The RFC 7009 revocation endpoint, where a profile declares one (SuiteCRM has none). Each check
// judges what the client can observe afterwards, plus the status §2.2 fixes.
import { accessGranted, accessRefused, describe, oauthError, tokenRefused } from '../conditions.js';
import { all, fail, pass, type CheckDef, type Exchange, type Outcome, type Requirement } from '../types.js';

/** The revocation request and what the revoked (or not) token does afterwards. */
export interface RevokeEvidence {
  revoke: Exchange;
  after: Exchange;
}

const R: Requirement[] = ['tokens:refresh', 'revocation-endpoint'];

function answered200(ex: Exchange, what: string): Outcome {
  return ex.response?.status === 200 ? pass() : fail(`${what}: expected HTTP 200 (RFC 7009 §2.2), got ${describe(ex)}`);
}

export const revokesRefreshToken: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.revokes-refresh-token',
  title: 'a refresh token revoked at the revocation endpoint is refused by the refresh grant',
  specRefs: ['RFC 7009 §2.1', 'RFC 7009 §2.2'],
  severity: 'must',
  requires: R,
  evaluate: (e) => all(answered200(e.revoke, 'revoking the refresh token'), tokenRefused(e.after, 'the revoked refresh token')),
};

export const revokesAccessToken: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.revokes-access-token',
  title: 'an access token revoked at the revocation endpoint is refused by the API',
  specRefs: ['RFC 7009 §2', 'RFC 7009 §2.2'],
  severity: 'should',
  requires: [...R, 'resource-api'],
  evaluate: (e) => all(answered200(e.revoke, 'revoking the access token'), accessRefused(e.after, 'the revoked access token')),
};

export const refreshRevocationKillsAccess: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.refresh-revocation-kills-access',
  title: 'revoking a refresh token also invalidates the access token of the same grant',
  specRefs: ['RFC 7009 §2.1'],
  severity: 'should',
  requires: [...R, 'resource-api'],
  evaluate: (e) => all(answered200(e.revoke, 'revoking the refresh token'), accessRefused(e.after, 'the access token of the revoked grant')),
};

export const invalidToken200: CheckDef<Exchange> = {
  id: 'oauth2.revocation-endpoint.invalid-token-200',
  title: 'revoking an unknown token answers 200',
  specRefs: ['RFC 7009 §2.2'],
  severity: 'must',
  requires: R,
  evaluate: (ex) => answered200(ex, 'revoking a token the server never issued'),
};

export const otherClientRefused: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.other-client-refused',
  title: "a client cannot revoke another client's refresh token",
  specRefs: ['RFC 7009 §2.1'],
  severity: 'must',
  requires: [...R, 'tokens:second-client'],
  evaluate: (e) => accessGranted(e.after, "after another client's revocation request, the refresh token"),
};

export const clientAuthRequired: CheckDef<RevokeEvidence> = {
  id: 'oauth2.revocation-endpoint.client-auth-required',
  title: 'a revocation request with a wrong client secret is refused with 401 invalid_client and revokes nothing',
  specRefs: ['RFC 7009 §2.1', 'RFC 6749 §5.2'],
  severity: 'must',
  requires: R,
  evaluate: (e) =>
    all(
      oauthError(e.revoke, { status: [401], error: ['invalid_client'] }, 'revocation with a wrong client secret'),
      accessGranted(e.after, 'after the unauthenticated revocation request, the refresh token'),
    ),
};

export const REVOCATION_ENDPOINT_CHECKS = [revokesRefreshToken, revokesAccessToken, refreshRevocationKillsAccess, invalidToken200, otherClientRefused, clientAuthRequired];
