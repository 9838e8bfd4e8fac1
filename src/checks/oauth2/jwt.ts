// The access token as a JWT: header, claims, lifetime, uniqueness, signature (RFC 7519, RFC 7515).
import type { SignatureResult } from '../../jwt/verify.js';
import { decodeJwt, type DecodedJwt } from '../../jwt/decode.js';
import type { Profile } from '../../profile/profile.js';
import { fail, pass, type CheckDef, type Outcome } from '../types.js';

export { decodeJwt };

export interface JwtEvidence {
  accessToken: string;
  clientId: string;
  expiresIn?: number;
  expect: Profile['accessToken'];
}

const REQUIRES = ['tokens:access', 'jwt-access-tokens'] as const;

function withJwt(token: string, fn: (jwt: DecodedJwt) => Outcome): Outcome {
  const jwt = decodeJwt(token);
  return typeof jwt === 'string' ? fail(jwt) : fn(jwt);
}

export const jwtHeader: CheckDef<JwtEvidence> = {
  id: 'oauth2.jwt.header',
  title: 'the access token JOSE header has the algorithm and members of the profile',
  specRefs: ['RFC 7515 §4.1', 'RFC 7519 §5'],
  severity: 'must',
  requires: REQUIRES,
  evaluate: (e) =>
    withJwt(e.accessToken, ({ header }) => {
      if (e.expect.alg && header.alg !== e.expect.alg) return fail(`alg is "${String(header.alg)}", the profile says ${e.expect.alg}`);
      for (const [k, v] of Object.entries(e.expect.header ?? {})) {
        if (header[k] !== v) return fail(`header ${k} is ${JSON.stringify(header[k])}, the profile says ${JSON.stringify(v)}`);
      }
      return pass();
    }),
};

const isNumericDate = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;

export const jwtClaims: CheckDef<JwtEvidence> = {
  id: 'oauth2.jwt.claims',
  title: 'the access token carries the claims of the profile (aud = client id, sub, jti, iat/nbf/exp)',
  specRefs: ['RFC 7519 §4.1'],
  severity: 'must',
  requires: REQUIRES,
  evaluate: (e) =>
    withJwt(e.accessToken, ({ payload }) => {
      const missing = (e.expect.requiredClaims ?? []).filter((c) => !(c in payload));
      if (missing.length) return fail(`claims missing: ${missing.join(', ')}`);
      for (const c of ['iat', 'nbf', 'exp'] as const) {
        if (c in payload && !isNumericDate(payload[c])) return fail(`${c} is not a NumericDate: ${JSON.stringify(payload[c])}`);
      }
      if (e.expect.audience === 'client_id') {
        const aud = payload.aud;
        const ok = aud === e.clientId || (Array.isArray(aud) && aud.includes(e.clientId));
        if (!ok) return fail(`aud is ${JSON.stringify(aud)}, expected the client id`);
      }
      if ('sub' in payload && typeof payload.sub !== 'string') return fail('sub is not a string');
      if ('jti' in payload && (typeof payload.jti !== 'string' || payload.jti === '')) return fail('jti is not a non-empty string');
      if (e.expect.scopesClaim && !Array.isArray(payload.scopes)) return fail('scopes is not an array');
      return pass();
    }),
};

/** exp − iat agrees with expires_in, within 0.25 s + 1 % (SuiteCRM's exp is ~10 ms short of the TTL). */
export const jwtLifetime: CheckDef<JwtEvidence> = {
  id: 'oauth2.jwt.lifetime',
  title: "the access token's exp agrees with the expires_in of the token response",
  specRefs: ['RFC 6749 §5.1', 'RFC 7519 §4.1.4'],
  severity: 'must',
  requires: REQUIRES,
  evaluate: (e) =>
    withJwt(e.accessToken, ({ payload }) => {
      if (e.expiresIn === undefined) return pass('no expires_in to compare with');
      const { exp, iat } = payload;
      if (!isNumericDate(exp)) return fail('no numeric exp claim');
      if (!isNumericDate(iat)) return pass('no iat claim: lifetime not comparable');
      const life = (exp as number) - (iat as number);
      return Math.abs(life - e.expiresIn) <= 0.25 + e.expiresIn / 100
        ? pass()
        : fail(`exp − iat is ${life.toFixed(2)} s but expires_in says ${e.expiresIn} s`);
    }),
};

export const jwtJtiUnique: CheckDef<{ accessTokens: string[] }> = {
  id: 'oauth2.jwt.jti-unique',
  title: 'every access token has its own jti',
  specRefs: ['RFC 7519 §4.1.7'],
  severity: 'must',
  requires: REQUIRES,
  evaluate({ accessTokens }) {
    const jtis: string[] = [];
    for (const t of accessTokens) {
      const jwt = decodeJwt(t);
      if (typeof jwt === 'string') return fail(jwt);
      if (typeof jwt.payload.jti !== 'string') return pass('tokens carry no jti');
      jtis.push(jwt.payload.jti);
    }
    return new Set(jtis).size === jtis.length ? pass() : fail(`${jtis.length} tokens share ${new Set(jtis).size} jti value(s)`);
  },
};

/** The signature as jose verified it with the target's public key (gathered: verification is async). */
export interface SignatureEvidence extends JwtEvidence {
  signature: SignatureResult;
}

export const jwtSignature: CheckDef<SignatureEvidence> = {
  id: 'oauth2.jwt.signature',
  title: "the access token's signature verifies with the target's public key",
  specRefs: ['RFC 7515 §5.2', 'RFC 7519 §7.2'],
  severity: 'must',
  requires: [...REQUIRES, 'public-key'],
  evaluate: (e) =>
    withJwt(e.accessToken, ({ header }) => {
      const alg = String(header.alg);
      if (e.expect.alg && alg !== e.expect.alg) return fail(`alg is ${alg}, the profile says ${e.expect.alg}`);
      return e.signature.verified ? pass() : fail(e.signature.reason);
    }),
};

export const JWT_CHECKS = [jwtHeader, jwtClaims, jwtLifetime, jwtJtiUnique, jwtSignature];
