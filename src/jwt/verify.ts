// JWS signature verification with jose, using the key the user gives (CRM_JWT_PUBLIC_KEY: a PEM
// public key or certificate). jose covers every JWS algorithm a server may pick (RS*, PS*, ES256/
// 384/512, EdDSA); a hand-made table would report a false "unsupported" for the ones it lacks.
import { createPublicKey } from 'node:crypto';
import { compactVerify, errors } from 'jose';
import { PreconditionError } from '../client/oauth.js';
import { decodeJwt } from './decode.js';

export type SignatureResult = { alg: string; verified: true } | { alg: string; verified: false; reason: string };

/** Verifies a compact JWS with the public key, for the algorithm its header names. A key that
 * cannot be read is the set-up's problem (an error verdict), not the target's. */
export async function verifySignature(token: string, publicKeyPem: string): Promise<SignatureResult> {
  const jwt = decodeJwt(token);
  if (typeof jwt === 'string') return { alg: '?', verified: false, reason: jwt };
  const alg = String(jwt.header.alg);
  if (alg.toLowerCase() === 'none') return { alg, verified: false, reason: 'alg is none: the token is not signed' };
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (e) {
    throw new PreconditionError(
      `the public key given in CRM_JWT_PUBLIC_KEY cannot be read: ${(e as Error).message}`,
      "point CRM_JWT_PUBLIC_KEY at the target's token-signing public key, a PEM public key or certificate (SuiteCRM: Api/V8/OAuth2/public.key)",
    );
  }
  try {
    await compactVerify(token, key, { algorithms: [alg] });
    return { alg, verified: true };
  } catch (e) {
    if (e instanceof errors.JWSSignatureVerificationFailed) return { alg, verified: false, reason: `the ${alg} signature does not verify with the published public key` };
    if (e instanceof errors.JWSInvalid) return { alg, verified: false, reason: `the token is not a valid JWS: ${(e as Error).message}` };
    return { alg, verified: false, reason: `the ${alg} signature cannot be verified with the published ${key.asymmetricKeyType ?? ''} key: ${(e as Error).message}` };
  }
}
