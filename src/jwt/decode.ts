// The one JWT decoder of the project (checks, the reference target, forgeries, the admin panel):
// header and claims of a JWS compact serialization, without verifying anything. Verification is
// jose's job (src/jwt/verify.ts); the target's verifier and the forgeries build on this on purpose,
// since they must see exactly the bytes a token carries (alg none, empty signatures).

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** "<header>.<payload>" as sent: what the signature covers. */
  signingInput: string;
  /** The third part as sent (base64url, possibly empty). */
  signaturePart: string;
  signature: Buffer;
}

/** The decoded token, or why it is not a JWS compact serialization with JSON object header and claims. */
export function decodeJwt(token: string): DecodedJwt | string {
  const parts = token.split('.');
  if (parts.length !== 3) return `the token is not a JWS compact serialization (${parts.length} parts)`;
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return 'JWT header or payload is not base64url-encoded JSON';
  }
  if (!header || typeof header !== 'object' || Array.isArray(header) || !payload || typeof payload !== 'object' || Array.isArray(payload)) {
    return 'JWT header or payload is not a JSON object';
  }
  return {
    header: header as Record<string, unknown>,
    payload: payload as Record<string, unknown>,
    signingInput: `${h}.${p}`,
    signaturePart: s,
    signature: Buffer.from(s, 'base64url'),
  };
}

/** decodeJwt for callers that only want a JWT or nothing. */
export function jwtOrUndefined(token: string): DecodedJwt | undefined {
  const d = decodeJwt(token);
  return typeof d === 'string' ? undefined : d;
}
