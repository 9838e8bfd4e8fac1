// Revoking a client ("Authorized Applications" in Flexie, deleting an OAuth2 client in SuiteCRM):
// every token issued to it stops working.
import { accessRefused, describe, isSuccess } from '../conditions.js';
import { all, pass, type CheckDef } from '../types.js';
import type { BeforeAfter } from './revocation.js';

export const clientRevokeKillsTokens: CheckDef<BeforeAfter> = {
  id: 'oauth2.revocation.client-revoke-kills-tokens',
  title: "revoking a client's access makes its access tokens fail",
  specRefs: ['RFC 7009 §2.2', 'RFC 6750 §3.1', 'RFC 9700 §4.14'],
  severity: 'must',
  requires: ['admin:revoke-client', 'tokens:access', 'resource-api'],
  // Like the other revocation checks: a token that never worked is only noted (other checks own that).
  evaluate: (e) =>
    all(accessRefused(e.after, 'the token of the revoked client', [401]), pass(isSuccess(e.before) ? undefined : `the token was refused before revocation too: ${describe(e.before)}`)),
};

export const CLIENT_REVOCATION_CHECKS = [clientRevokeKillsTokens];
