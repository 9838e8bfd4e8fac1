// Revoking a client ("Authorized Applications" in Flexie, deleting an OAuth2 client in SuiteCRM):
// every token issued to it stops working. The token worked before (the control).
import type { CheckDef } from '../types.js';
import { afterRefused, type BeforeAfter } from './revocation.js';

export const clientRevokeKillsTokens: CheckDef<BeforeAfter> = {
  id: 'oauth2.revocation.client-revoke-kills-tokens',
  title: "revoking a client's access makes its access tokens fail",
  specRefs: ['RFC 6749 §7', 'RFC 6750 §3.1', 'RFC 9700 §4.14'],
  severity: 'must',
  // A revoked client's token is no valid token: "The resource server MUST validate the access token".
  keyword: 'MUST',
  requires: ['admin:revoke-client', 'tokens:access', 'resource-api'],
  evaluate: (e) => afterRefused(e, 'the token of the revoked client'),
};

export const CLIENT_REVOCATION_CHECKS = [clientRevokeKillsTokens];
