// Revocation depth: revoking a client revokes every token it holds, not just the newest. A revoked
// client's tokens are no valid tokens: the resource server "MUST validate the access token" (RFC
// 6749 §7), the authorization server "MUST … validate the refresh token" (§6). The controls: each
// access token worked before the revocation, and a refresh of the same client worked before it.
import { succeeds, controlled, notAccepted, tokenControl, tokenRefused } from '../conditions.js';
import { all, inconclusive, type CheckDef, type Exchange } from '../types.js';

export interface ClientRevocationEvidence {
  /** Resource requests with each of the client's access tokens, before the client was revoked. */
  accessBefore: Exchange[];
  /** A refresh by the same client before the revocation. */
  refreshBefore: Exchange;
  /** Resource requests with each of the client's access tokens, after the client was revoked. */
  access: Exchange[];
  /** Refresh requests with each of its refresh tokens, after the client was revoked. */
  refresh: Exchange[];
}

export const clientRevocationKillsTokens: CheckDef<ClientRevocationEvidence> = {
  id: 'security.revocation.client-revocation-kills-tokens',
  title: 'revoking a client kills all of its access and refresh tokens, not just the newest',
  specRefs: ['RFC 6749 §7', 'RFC 6749 §6', 'RFC 7009 §2.1'],
  severity: 'must',
  keyword: 'MUST',
  requires: ['grant:password', 'admin:revoke-client', 'spare-client'],
  evaluate: (e) =>
    controlled(
      [
        ...e.accessBefore.map((ex, i) => succeeds(`access token ${i + 1} of the client before the revocation`, ex)),
        tokenControl('a refresh by the same client before the revocation', e.refreshBefore),
      ],
      () =>
        e.access.length === 0
          ? inconclusive('no token of the revoked client was tried')
          : all(
              ...e.access.map((ex, i) => notAccepted(ex, `access token ${i + 1} of the revoked client`)),
              ...e.refresh.map((ex, i) => tokenRefused(ex, `refresh token ${i + 1} of the revoked client`)),
            ),
    ),
};

export const REVOCATION_DEPTH_CHECKS: readonly CheckDef<never>[] = [clientRevocationKillsTokens] as readonly CheckDef<never>[];
