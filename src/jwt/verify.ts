// JWS signature verification with jose, using the key the user gives (CRM_JWT_PUBLIC_KEY: a PEM
// public key or certificate). jose covers every JWS algorithm a server may pick (RS*, PS*, ES256/
// 384/512, EdDSA); a hand-made table would report a false "unsupported" for the ones it lacks.
import { createPublicKey } from 'node:crypto';
import { compactVerify, errors } from 'jose';
import { decodeJwt } from './decode.js';

export type SignatureResult =
  | { alg: string; verified: true }
  /** `unverifiable`: the key or algorithm cannot verify at all (wrong key type, alg none, unknown alg). */
  | { alg: string; verified: false; unverifiable: boolean; reason: string };

/** Verifies a compact JWS with the public key, for the algorithm its header names. */
export async function verifySignature(token: string, publicKeyPem: string): Promise<SignatureResult> {
  const jwt = decodeJwt(token);
  if (typeof jwt === 'string') return { alg: '?', verified: false, unverifiable: true, reason: jwt };
  const alg = String(jwt.header.alg);
  if (alg.toLowerCase() === 'none') return { alg, verified: false, unverifiable: true, reason: 'alg is none: the token is not signed' };
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (e) {
    return { alg, verified: false, unverifiable: true, reason: `the public key cannot be read: ${(e as Error).message}` };
  }
  try {
    await compactVerify(token, key, { algorithms: [alg] });
    return { alg, verified: true };
  } catch (e) {
    if (e instanceof errors.JWSSignatureVerificationFailed) return { alg, verified: false, unverifiable: false, reason: `the ${alg} signature does not verify with the published public key` };
    if (e instanceof errors.JWSInvalid) return { alg, verified: false, unverifiable: false, reason: `the token is not a valid JWS: ${(e as Error).message}` };
    return { alg, verified: false, unverifiable: true, reason: `the ${alg} signature cannot be verified with the published ${key.asymmetricKeyType ?? ''} key: ${(e as Error).message}` };
  }
}
