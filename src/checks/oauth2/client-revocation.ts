// Revoking a client ("Authorized Applications" in Flexie, deleting an OAuth2 client in SuiteCRM):
// every token issued to it stops working.
import { accessGranted, accessRefused } from '../conditions.js';
import { all, type CheckDef } from '../types.js';
import type { BeforeAfter } from './revocation.js';

export const clientRevokeKillsTokens: CheckDef<BeforeAfter> = {
  id: 'oauth2.revocation.client-revoke-kills-tokens',
  title: "revoking a client's access makes its access tokens fail",
  specRefs: ['RFC 7009 §2.2', 'RFC 6750 §3.1', 'RFC 9700 §4.14'],
  severity: 'must',
  requires: ['admin:revoke-client', 'resource-api'],
  evaluate: (e) => all(accessGranted(e.before, 'the token before revocation'), accessRefused(e.after, 'the token of the revoked client', [401])),
};

export const CLIENT_REVOCATION_CHECKS = [clientRevokeKillsTokens];
