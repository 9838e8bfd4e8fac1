// RS256 JWTs made by hand (node:crypto) so the target can emit exactly what SuiteCRM emits
// (float iat/nbf/exp, header key order) and the faults can bend any part of it.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { decodeJwt } from '../jwt/decode.js';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
}

export function newKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** A PKCS#8 PEM private key every reference target of this process tree signs with (self-test
 * speed-up: saves a 2048-bit RSA generation, ~200 ms of CPU, per target). Unset: a fresh pair. */
export const SIGNING_KEY_ENV = 'CRM_REFERENCE_SIGNING_KEY';

export function referenceKeyPair(env: NodeJS.ProcessEnv = process.env): KeyPair {
  const pem = env[SIGNING_KEY_ENV];
  if (!pem) return newKeyPair();
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function newPrivateKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');

export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export type VerifyResult = { ok: true; jwt: DecodedJwt } | { ok: false; hint: string; why: 'format' | 'signature' | 'time' };

/** Verification as league/oauth2-server's BearerTokenValidator does it, hints included. */
export function verifyJwt(token: string, keys: readonly KeyObject[], nowSec: number, checkTimes: boolean): VerifyResult {
  if (token.split('.').length !== 3) return { ok: false, hint: 'The JWT string must have two dots', why: 'format' };
  const decoded = decodeJwt(token);
  if (typeof decoded === 'string') return { ok: false, hint: 'Error while decoding from JSON', why: 'format' };
  const jwt: DecodedJwt = { header: decoded.header, payload: decoded.payload };
  const signed = Buffer.from(decoded.signingInput);
  const good = jwt.header.alg === 'RS256' && keys.some((k) => safeVerify(signed, k, decoded.signature));
  if (!good) return { ok: false, hint: 'Access token could not be verified', why: 'signature' };
  if (checkTimes) {
    const { exp, nbf } = jwt.payload;
    if (typeof exp === 'number' && nowSec >= exp) return { ok: false, hint: 'Access token could not be verified', why: 'time' };
    if (typeof nbf === 'number' && nowSec < nbf - 0.5) return { ok: false, hint: 'Access token could not be verified', why: 'time' };
  }
  return { ok: true, jwt };
}

function safeVerify(data: Buffer, key: KeyObject, sig: Buffer): boolean {
  try {
    return verify('sha256', data, key, sig);
  } catch {
    return false;
  }
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}
