// Expiry: the access token stops working after its lifetime; so does the refresh token.
import { accessRefused, bearerChallenge } from '../conditions.js';
import { oauthErrorCheck, refusalCheck } from '../factories.js';
import { all, pass, type CheckDef, type Exchange } from '../types.js';

export interface AccessExpiryEvidence {
  exchange: Exchange;
  observedLeewayMs?: number;
}

export const accessTokenExpires: CheckDef<AccessExpiryEvidence> = {
  id: 'oauth2.expiry.access-token-expires',
  title: 'an access token is refused after its lifetime (expires_in)',
  specRefs: ['RFC 6749 §5.1', 'RFC 6750 §3.1', 'RFC 7519 §4.1.4'],
  severity: 'must',
  requires: ['tokens:access', 'resource-api', 'wait:access-expiry'],
  evaluate: (e) =>
    all(
      accessRefused(e.exchange, 'the expired access token', [401]),
      pass(e.observedLeewayMs !== undefined ? `refused ${e.observedLeewayMs} ms after expires_in` : undefined),
    ),
};

export const accessTokenExpiredChallenge: CheckDef<AccessExpiryEvidence> = {
  id: 'oauth2.expiry.access-token-expired-challenge',
  title: 'an expired access token gets 401 with WWW-Authenticate: Bearer error="invalid_token"',
  specRefs: ['RFC 6750 §3.1'],
  severity: 'must',
  requires: ['tokens:access', 'resource-api', 'wait:access-expiry'],
  evaluate: (e) => bearerChallenge(e.exchange, 'invalid_token'),
};

export const refreshTokenExpires = refusalCheck({
  id: 'oauth2.expiry.refresh-token-expires',
  title: 'a refresh token is refused after its lifetime',
  specRefs: ['RFC 6749 §6', 'RFC 6749 §10.4'],
  requires: ['tokens:refresh', 'wait:refresh-expiry'],
  what: 'the expired refresh token',
});

export const refreshTokenExpiredInvalidGrant = oauthErrorCheck({
  id: 'oauth2.expiry.refresh-token-expired-invalid-grant',
  title: 'an expired refresh token gets 400 invalid_grant',
  requires: ['tokens:refresh', 'wait:refresh-expiry'],
  what: 'expired refresh token',
  status: [400],
  error: ['invalid_grant'],
});

export const EXPIRY_CHECKS = [accessTokenExpires, accessTokenExpiredChallenge, refreshTokenExpires, refreshTokenExpiredInvalidGrant];
