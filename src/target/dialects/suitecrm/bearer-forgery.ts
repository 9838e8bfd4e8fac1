// How a faulty resource server lets forged and tampered JWTs in (RFC 8725 §2.1, §3.1). Conformant
// mode never gets here with a result: a token is honoured only when it verifies and is the very
// string that was issued. SuiteCRM itself looks tokens up by jti (observed §4), which is what the
// faults below fall back to.
import { createHmac, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jwtOrUndefined } from '../../../jwt/decode.js';
import type { TargetCore, TokenRow } from '../../core.js';

interface Parts {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signed: string;
  sig: string;
}

function split(token: string): Parts | undefined {
  const d = jwtOrUndefined(token);
  return d && { header: d.header, payload: d.payload, signed: d.signingInput, sig: d.signaturePart };
}

function rowByJti(core: TargetCore, jti: unknown): TokenRow | undefined {
  if (typeof jti !== 'string') return undefined;
  for (const r of core.tokens.values()) if (r.jti === jti) return r;
  return undefined;
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest('base64url');

function rsaVerifies(data: string, sig: string, keyInput: Parameters<typeof createPublicKey>[0]): boolean {
  try {
    return verify('sha256', Buffer.from(data), createPublicKey(keyInput), Buffer.from(sig, 'base64url'));
  } catch {
    return false;
  }
}

/** The bearer-jku-trusted bug: the key set a token's jku names, fetched. Loopback URLs only (the
 * reference target never sends traffic elsewhere), two seconds at most, [] on any failure. */
export async function fetchJkuKeys(authorization: string | undefined): Promise<JsonWebKey[]> {
  const token = authorization?.replace(/^\S+\s+/, '').trim();
  const jku = token ? split(token)?.header.jku : undefined;
  if (typeof jku !== 'string') return [];
  try {
    const url = new URL(jku);
    if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return [];
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json()) as { keys?: unknown };
    return Array.isArray(body.keys) ? (body.keys.filter((k) => k && typeof k === 'object') as JsonWebKey[]) : [];
  } catch {
    return [];
  }
}

/** A token whose signature did not verify, accepted by one of the forgery faults. */
export function forgedAccepted(core: TargetCore, token: string, jkuKeys: readonly JsonWebKey[] = []): TokenRow | undefined {
  const t = split(token);
  if (!t) return undefined;
  const row = rowByJti(core, t.payload.jti);
  if (!row) return undefined;
  const { header } = t;
  const f = (name: string) => core.fault(name);
  const [issuedHeader, , issuedSig] = row.accessToken.split('.');
  const ok =
    (f('bearer-alg-none-accepted') && String(header.alg).toLowerCase() === 'none') ||
    (f('bearer-hs256-public-key-accepted') && header.alg === 'HS256' && hmac(core.keys.publicPem, t.signed) === t.sig) ||
    (f('bearer-empty-signature-accepted') && header.alg === 'RS256' && t.sig === '') ||
    (f('bearer-signature-compared-not-verified') && t.sig === issuedSig && t.signed.startsWith(`${issuedHeader}.`)) ||
    (f('bearer-embedded-jwk-trusted') && !!header.jwk && typeof header.jwk === 'object' && rsaVerifies(t.signed, t.sig, { key: header.jwk as never, format: 'jwk' })) ||
    (f('bearer-jku-trusted') && typeof header.jku === 'string' && jkuKeys.some((k) => rsaVerifies(t.signed, t.sig, { key: k as never, format: 'jwk' }))) ||
    (f('bearer-kid-file-trusted') && header.alg === 'HS256' && typeof header.kid === 'string' && hmac(readKid(header.kid), t.signed) === t.sig);
  return ok ? row : undefined;
}

/** The "kid is a key file path" bug: /dev/null gives an empty key. */
function readKid(kid: string): Buffer {
  try {
    return readFileSync(kid.startsWith('/') ? kid : `/nonexistent/${kid}`);
  } catch {
    return Buffer.alloc(0);
  }
}

/** A validly signed token that is not the string issued: accepted only where a fault lets a claim differ. */
export function resignedAccepted(core: TargetCore, token: string): TokenRow | undefined {
  const t = split(token);
  const row = t && rowByJti(core, t.payload.jti);
  const issued = row && split(row.accessToken);
  if (!t || !row || !issued) return undefined;
  for (const k of new Set([...Object.keys(issued.payload), ...Object.keys(t.payload)])) {
    if (JSON.stringify(issued.payload[k]) === JSON.stringify(t.payload[k])) continue;
    if (k === 'aud' && core.fault('bearer-aud-not-checked')) continue;
    if (k === 'exp' && t.payload.exp === undefined && core.fault('bearer-exp-optional')) continue;
    if (k === 'nbf' && core.fault('bearer-nbf-ignored')) continue;
    return undefined;
  }
  return row;
}

/** The bearer-nbf-ignored fault: a token that failed only on nbf (exp still ahead). */
export function nbfOnlyFailure(core: TargetCore, token: string): boolean {
  if (!core.fault('bearer-nbf-ignored')) return false;
  const exp = split(token)?.payload.exp;
  return typeof exp !== 'number' || exp > core.now();
}
