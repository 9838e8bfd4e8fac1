// Expiry: the access token stops working after its lifetime; so does the refresh token. Each judges
// a refusal, so each first sees its control: a fresh sibling token working at the same time.
import { succeeds, challengeOfRefusal, controlled, notAccepted } from '../conditions.js';
import { oauthErrorCheck, refusalCheck } from '../factories.js';
import { all, pass, type CheckDef, type Exchange } from '../types.js';

export interface AccessExpiryEvidence {
  /** A fresh token of the same grant on the same request, after the wait (the control). */
  control: Exchange;
  /** The same request after the token's lifetime. */
  exchange: Exchange;
  observedLeewayMs?: number;
}

const beforeWorked = (e: AccessExpiryEvidence) => succeeds('a fresh token of the same grant on the same request', e.control);

export const accessTokenExpires: CheckDef<AccessExpiryEvidence> = {
  id: 'oauth2.expiry.access-token-expires',
  title: 'an access token is refused after its lifetime (expires_in)',
  specRefs: ['RFC 6749 §7', 'RFC 6749 §5.1', 'RFC 7519 §4.1.4'],
  severity: 'must',
  // §7: "The resource server MUST validate the access token and ensure that it has not expired".
  keyword: 'MUST',
  requires: ['tokens:access', 'resource-api', 'wait:access-expiry'],
  evaluate: (e) =>
    controlled([beforeWorked(e)], () =>
      all(
        notAccepted(e.exchange, 'the expired access token'),
        pass(e.observedLeewayMs !== undefined ? `refused ${e.observedLeewayMs} ms after expires_in` : undefined),
      ),
    ),
};

/** RFC 6750 §3: the refusal of an expired token carries a Bearer challenge. The 401 and
 * error="invalid_token" are §3.1's SHOULDs, judged for invalid tokens by bearer.invalid-token-401. */
export const accessTokenExpiredChallenge: CheckDef<AccessExpiryEvidence> = {
  id: 'oauth2.expiry.access-token-expired-challenge',
  title: 'the refusal of an expired access token carries WWW-Authenticate: Bearer',
  specRefs: ['RFC 6750 §3'],
  severity: 'must',
  // "the resource server MUST include the HTTP "WWW-Authenticate" response header field"
  keyword: 'MUST',
  requires: ['tokens:access', 'resource-api', 'wait:access-expiry'],
  evaluate: (e) =>
    controlled([beforeWorked(e)], () => challengeOfRefusal(e.exchange, 'the expired access token')),
};

export const refreshTokenExpires = refusalCheck({
  id: 'oauth2.expiry.refresh-token-expires',
  title: 'a refresh token is refused after its lifetime',
  specRefs: ['RFC 6749 §6', 'RFC 6749 §10.4'],
  // §6: "The authorization server MUST: … validate the refresh token."
  keyword: 'MUST',
  requires: ['tokens:refresh', 'wait:refresh-expiry'],
  what: 'the expired refresh token',
  control: 'a sibling refresh token of the same session, refreshed before the lifetime ended',
});

export const refreshTokenExpiredInvalidGrant = oauthErrorCheck({
  id: 'oauth2.expiry.refresh-token-expired-invalid-grant',
  title: 'an expired refresh token gets 400 invalid_grant',
  requires: ['tokens:refresh', 'wait:refresh-expiry'],
  what: 'expired refresh token',
  control: 'a sibling refresh token of the same session, refreshed before the lifetime ended',
  status: [400],
  error: ['invalid_grant'],
});

export const EXPIRY_CHECKS = [accessTokenExpires, accessTokenExpiredChallenge, refreshTokenExpires, refreshTokenExpiredInvalidGrant];
