// Revocation depth: revoking a client revokes every token it holds (RFC 7009 §2.1, RFC 6749 §10.4).
import { accessRefused, tokenRefused } from '../conditions.js';
import { all, fail, type CheckDef, type Exchange } from '../types.js';

export interface ClientRevocationEvidence {
  /** Resource requests with each of the client's access tokens, after the client was revoked. */
  access: Exchange[];
  /** Refresh requests with each of its refresh tokens, after the client was revoked. */
  refresh: Exchange[];
}

export const clientRevocationKillsTokens: CheckDef<ClientRevocationEvidence> = {
  id: 'security.revocation.client-revocation-kills-tokens',
  title: "revoking a client kills all of its access and refresh tokens, not just the newest",
  specRefs: ['RFC 7009 §2.1', 'RFC 6749 §10.4'],
  severity: 'must',
  requires: ['grant:password', 'admin:revoke-client', 'spare-client'],
  evaluate: (e) => {
    if (e.access.length === 0) return fail('no token of the revoked client was tried');
    return all(
      ...e.access.map((ex, i) => accessRefused(ex, `access token ${i + 1} of the revoked client`)),
      ...e.refresh.map((ex, i) => tokenRefused(ex, `refresh token ${i + 1} of the revoked client`)),
    );
  },
};

export const REVOCATION_DEPTH_CHECKS: readonly CheckDef<never>[] = [clientRevocationKillsTokens] as readonly CheckDef<never>[];
