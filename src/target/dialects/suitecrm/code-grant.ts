// grant_type=authorization_code at POST /Api/access_token (RFC 6749 §4.1.3, RFC 7636 §4.6).
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client, Ctx } from '../../core.js';
import { codeStore, type CodeRow } from './codes.js';
import { issue, oauthError, respondWithTokens } from './token.js';

/** The awaited gap of a code store that checks, then (after a database round trip) deletes. */
const CHECK_THEN_DELETE_GAP_MS = 15;

function pkceOk(ctx: Ctx, row: CodeRow, verifier: string | undefined): boolean {
  if (!row.challenge) return true;
  const core = ctx.core;
  if (verifier === undefined) return core.fault('pkce-verifier-optional');
  if (core.fault('pkce-verifier-not-checked')) return true;
  const s256 = createHash('sha256').update(verifier).digest('base64url');
  if (row.challengeMethod === 'S256') {
    // The downgrade of RFC 9700 §2.1.1: a verifier equal to the challenge passes as "plain".
    return s256 === row.challenge || (core.fault('pkce-plain-fallback') && verifier === row.challenge);
  }
  return verifier === row.challenge;
}

export async function authorizationCodeGrant(ctx: Ctx, client: Client, str: (k: string) => string | undefined): Promise<void> {
  const core = ctx.core;
  const store = codeStore(core);
  const code = str('code');
  if (!code) return oauthError(ctx, 400, 'invalid_request', { hint: 'Check the `code` parameter' });
  const invalidGrant = (hint: string) => oauthError(ctx, 400, 'invalid_grant', { hint });
  if (core.fault('code-redemption-refused')) return invalidGrant('Cannot decrypt the authorization code');

  const replayed = store.used.get(code);
  if (replayed && !core.fault('code-reusable')) {
    // RFC 6749 §4.1.2: a code presented twice revokes what it bought.
    if (!core.fault('code-reuse-keeps-tokens')) for (const t of replayed.issued) t.rotatedOut = true;
    if (core.fault('code-reuse-error-invalid-request')) return oauthError(ctx, 400, 'invalid_request', { hint: 'Authorization code has been revoked' });
    return invalidGrant('Authorization code has been revoked');
  }
  const row = store.codes.get(code) ?? (core.fault('code-reusable') ? replayed : undefined);
  if (!row) return invalidGrant('Cannot decrypt the authorization code');
  if (row.revoked && row !== replayed) return invalidGrant('Authorization code has been revoked');
  if (row.clientId !== client.id && !core.fault('code-not-bound-to-client')) return invalidGrant('Authorization code was not issued to this client');
  if (row.expiresAt <= core.now() && !core.fault('code-never-expires')) return invalidGrant('Authorization code has expired');
  const redirectUri = str('redirect_uri');
  if (row.redirectUriGiven) {
    if (redirectUri === undefined && !core.fault('code-redirect-uri-optional')) return invalidGrant('Check the `redirect_uri` parameter');
    if (redirectUri !== undefined && redirectUri !== row.redirectUri && !core.fault('code-redirect-uri-mismatch-accepted')) {
      return invalidGrant('Invalid redirect URI');
    }
  }
  if (!pkceOk(ctx, row, str('code_verifier'))) return invalidGrant('Failed to verify `code_verifier`.');

  if (core.fault('code-redeem-check-then-delete')) {
    // Looked up above; the deletion only lands after an awaited round trip, so concurrent
    // redemptions of one code all pass the check.
    await sleep(CHECK_THEN_DELETE_GAP_MS);
  }
  store.consume(row);
  const issued = issue(core, core.clients.get(row.clientId) ?? client, row.userId, 'authorization_code', true);
  row.issued.push(issued.row);
  respondWithTokens(ctx, issued);
}
