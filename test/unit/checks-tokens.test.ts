// JWT, expiry, revocation and bearer checks on good and bad payloads, offline.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { expect, test } from '@playwright/test';
import * as bearer from '../../src/checks/bearer.js';
import { parseChallenge } from '../../src/checks/conditions.js';
import * as expiry from '../../src/checks/oauth2/expiry.js';
import { decodeJwt, jwtClaims, jwtHeader, jwtJtiUnique, jwtLifetime, jwtSignature, type JwtEvidence, type SignatureEvidence } from '../../src/checks/oauth2/jwt.js';
import { verifySignature } from '../../src/jwt/verify.js';
import { CompactSign } from 'jose';
import * as revocation from '../../src/checks/oauth2/revocation.js';
import type { Outcome } from '../../src/checks/types.js';
import { signJwt } from '../../src/target/jwt.js';
import { loadProfile } from '../../src/profile/profile.js';
import { ex, TOKEN, transportFailure } from './exchange.js';

const passes = (o: Outcome) => expect(o, JSON.stringify(o)).toMatchObject({ verdict: 'pass' });
const fails = (o: Outcome, reason?: RegExp) => {
  expect(o.verdict, 'expected a failure').toBe('fail');
  if (reason && o.verdict !== 'pass') expect(o.reason).toMatch(reason);
};

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const expect714 = loadProfile('suitecrm-7.14').accessToken;
const now = 1_795_609_951.746917;
// Exactly the shape SuiteCRM 7.14.6 issues (observed §3.1): float times, 80-hex jti, scopes [].
const CLAIMS = { aud: 'client-1', jti: 'a'.repeat(80), iat: now, nbf: now + 0.000002, exp: now + 3599.99, sub: '1', scopes: [] };
const jwt = (payload: Record<string, unknown> = CLAIMS, header: Record<string, unknown> = { typ: 'JWT', alg: 'RS256' }, key = privateKey) => signJwt(header, payload, key);
const ev = (accessToken: string, expiresIn = 3600): JwtEvidence => ({ accessToken, clientId: 'client-1', expiresIn, expect: expect714 });
/** Signature evidence as the spec gathers it: jose verifies with the published key. */
const sigEv = async (accessToken: string, pem = PEM, alg?: string): Promise<SignatureEvidence> => ({
  ...ev(accessToken),
  expect: { ...expect714, ...(alg ? { alg } : {}) },
  signature: await verifySignature(accessToken, pem),
});

test.describe('JWT access tokens', () => {
  test('a SuiteCRM-shaped token passes header, claims, lifetime and signature', async () => {
    for (const c of [jwtHeader, jwtClaims, jwtLifetime]) passes(c.evaluate(ev(jwt())));
    passes(jwtSignature.evaluate(await sigEv(jwt())));
  });
  test('header: alg and typ as the profile says', () => {
    fails(jwtHeader.evaluate(ev(jwt(CLAIMS, { typ: 'JWS', alg: 'RS256' }))), /typ/);
    fails(jwtHeader.evaluate(ev(jwt(CLAIMS, { typ: 'JWT', alg: 'RS512' }))), /alg/);
    fails(jwtHeader.evaluate(ev('not.a.jwt')), /base64url/);
    fails(jwtHeader.evaluate(ev('onlyone')), /1 parts/);
  });
  test('claims: required members, aud = client id (string or array), numeric dates, scopes array', () => {
    const { jti: _j, ...noJti } = CLAIMS;
    fails(jwtClaims.evaluate(ev(jwt(noJti))), /jti/);
    fails(jwtClaims.evaluate(ev(jwt({ ...CLAIMS, aud: 'suitecrm' }))), /aud/);
    passes(jwtClaims.evaluate(ev(jwt({ ...CLAIMS, aud: ['x', 'client-1'] }))));
    fails(jwtClaims.evaluate(ev(jwt({ ...CLAIMS, exp: '2026-01-01' }))), /exp is not a NumericDate/);
    fails(jwtClaims.evaluate(ev(jwt({ ...CLAIMS, scopes: 'a b' }))), /scopes/);
    passes(jwtClaims.evaluate(ev(jwt({ ...CLAIMS, sub: '' })))); // client_credentials: sub "" (observed)
  });
  test('lifetime: exp − iat agrees with expires_in within 0.25 s + 1 %', () => {
    passes(jwtLifetime.evaluate(ev(jwt({ ...CLAIMS, exp: now + 2 - 0.01 }), 2)));
    fails(jwtLifetime.evaluate(ev(jwt({ ...CLAIMS, exp: now + 1 }), 2)), /exp − iat is 1\.00 s but expires_in says 2 s/);
    fails(jwtLifetime.evaluate(ev(jwt({ ...CLAIMS, exp: now + 7200 }), 3600)));
  });
  test('signature: another key, a changed byte or alg none fail', async () => {
    fails(jwtSignature.evaluate(await sigEv(jwt(CLAIMS, undefined, other.privateKey))), /does not verify/);
    const t = jwt();
    fails(jwtSignature.evaluate(await sigEv(`${t.slice(0, -2)}${t.endsWith('AA') ? 'BB' : 'AA'}`)), /does not verify/);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(CLAIMS)).toString('base64url')}.`;
    fails(jwtSignature.evaluate(await sigEv(none)), /alg is none/);
    fails(jwtSignature.evaluate(await sigEv(none, PEM, 'none')), /not signed/);
  });
  test('signature: every JWS algorithm a server may choose verifies with its key (PS384/512, ES512, EdDSA, …)', async () => {
    const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = (namedCurve: string) => () => generateKeyPairSync('ec', { namedCurve });
    const kinds: [string, () => { privateKey: KeyObject; publicKey: KeyObject }][] = [
      ['RS384', rsa],
      ['PS256', rsa],
      ['PS384', rsa],
      ['PS512', rsa],
      ['ES256', ec('P-256')],
      ['ES384', ec('P-384')],
      ['ES512', ec('P-521')],
      ['EdDSA', () => generateKeyPairSync('ed25519')],
    ];
    for (const [alg, keyPair] of kinds) {
      const pair = keyPair();
      const token = await new CompactSign(Buffer.from(JSON.stringify(CLAIMS))).setProtectedHeader({ alg, typ: 'JWT' }).sign(pair.privateKey);
      const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      passes(jwtSignature.evaluate(await sigEv(token, pem, alg)));
      fails(jwtSignature.evaluate(await sigEv(token, PEM, alg)), new RegExp(alg));
    }
  });
  test('jti unique across tokens', () => {
    passes(jwtJtiUnique.evaluate({ accessTokens: [jwt(), jwt({ ...CLAIMS, jti: 'b'.repeat(80) })] }));
    fails(jwtJtiUnique.evaluate({ accessTokens: [jwt(), jwt()] }), /share 1 jti/);
  });
  test('decodeJwt reads SuiteCRM float times exactly', () => {
    const d = decodeJwt(jwt());
    expect(typeof d === 'string' ? d : d.payload.iat).toBe(now);
  });
});

test.describe('expiry', () => {
  const expired = (status: number, headers: Record<string, string> = {}) => ({ exchange: ex(status, { error: 'access_denied' }, headers), observedLeewayMs: 12 });
  test('an expired access token must get 401, with the invalid_token challenge', () => {
    const good = expired(401, { 'WWW-Authenticate': 'Bearer realm="SuiteCRM", error="invalid_token"' });
    expect(expiry.accessTokenExpires.evaluate(good)).toMatchObject({ verdict: 'pass', note: expect.stringContaining('12 ms') });
    passes(expiry.accessTokenExpiredChallenge.evaluate(good));
    fails(expiry.accessTokenExpires.evaluate(expired(200)), /accepted/);
    fails(expiry.accessTokenExpiredChallenge.evaluate(expired(401)), /without a WWW-Authenticate/);
    fails(expiry.accessTokenExpiredChallenge.evaluate(expired(401, { 'WWW-Authenticate': 'Bearer realm="x"' })), /error=""/);
  });
  test('an expired refresh token gets no token, and 400 invalid_grant', () => {
    passes(expiry.refreshTokenExpires.evaluate(ex(401, { error: 'invalid_request' })));
    fails(expiry.refreshTokenExpires.evaluate(ex(200, TOKEN)));
    passes(expiry.refreshTokenExpiredInvalidGrant.evaluate(ex(400, { error: 'invalid_grant' })));
    fails(expiry.refreshTokenExpiredInvalidGrant.evaluate(ex(401, { error: 'invalid_request' })));
  });
});

test.describe('revocation', () => {
  test('admin revocation: after must be 401; a token refused before is noted', () => {
    passes(revocation.adminRevokesAccessToken.evaluate({ before: ex(200, {}), after: ex(401, {}) }));
    expect(revocation.adminRevokesAccessToken.evaluate({ before: ex(401, {}), after: ex(401, {}) })).toMatchObject({ verdict: 'pass', note: expect.stringContaining('already refused') });
    fails(revocation.adminRevokesAccessToken.evaluate({ before: ex(200, {}), after: ex(200, {}) }), /accepted/);
    passes(revocation.adminRevokesRefreshToken.evaluate(ex(401, { error: 'invalid_request' })));
    fails(revocation.adminRevokesRefreshToken.evaluate(ex(200, TOKEN)), /accepted/);
  });
  test('logout must succeed, then the tokens are refused', () => {
    passes(revocation.logoutRevokesAccessToken.evaluate({ logout: ex(200, {}), after: ex(401, {}) }));
    fails(revocation.logoutRevokesAccessToken.evaluate({ logout: ex(401, {}), after: ex(401, {}) }), /logout did not succeed/);
    fails(revocation.logoutRevokesAccessToken.evaluate({ logout: ex(200, {}), after: ex(200, {}) }));
    passes(revocation.logoutRevokesRefreshToken.evaluate({ logout: ex(200, {}), after: ex(400, { error: 'invalid_grant' }) }));
    fails(revocation.logoutRevokesRefreshToken.evaluate({ logout: ex(200, {}), after: ex(200, TOKEN) }));
  });
});

test.describe('bearer (RFC 6750)', () => {
  const challenge = (v: string) => ex(401, { error: 'access_denied' }, { 'WWW-Authenticate': v });
  test('missing token: 401 with a Bearer challenge', () => {
    passes(bearer.missingToken401.evaluate(ex(401, {})));
    fails(bearer.missingToken401.evaluate(ex(400, {})), /expected HTTP 401/);
    fails(bearer.missingToken401.evaluate(ex(200, {})), /accepted/);
    passes(bearer.missingTokenChallenge.evaluate(challenge('Bearer realm="SuiteCRM"')));
    expect(bearer.missingTokenChallenge.evaluate(challenge('Bearer error="invalid_token"'))).toMatchObject({ verdict: 'pass', note: expect.stringContaining('SHOULD NOT') });
    fails(bearer.missingTokenChallenge.evaluate(ex(401, {})), /without a WWW-Authenticate/);
    fails(bearer.missingTokenChallenge.evaluate(challenge('Basic realm="x"')), /scheme is "Basic"/);
  });
  test('invalid tokens: 401 every time, error="invalid_token"', () => {
    passes(bearer.invalidToken401.evaluate([{ label: 'a', ex: ex(401, {}) }, { label: 'b', ex: ex(401, {}) }]));
    fails(bearer.invalidToken401.evaluate([{ label: 'a', ex: ex(401, {}) }, { label: 'tampered', ex: ex(200, {}) }]), /tampered was accepted/);
    passes(bearer.invalidTokenChallenge.evaluate(challenge('Bearer realm="x", error="invalid_token", error_description="expired"')));
    fails(bearer.invalidTokenChallenge.evaluate(challenge('Bearer realm="x"')));
  });
  test('malformed presentation: 400 or 401, never 2xx or 5xx', () => {
    passes(bearer.malformedAuthorization.evaluate([{ label: 'a', ex: ex(400, {}) }, { label: 'b', ex: ex(401, {}) }]));
    fails(bearer.malformedAuthorization.evaluate([{ label: 'empty', ex: ex(500, '<h1>x</h1>') }]), /empty: expected HTTP 400 or 401/);
    passes(bearer.queryTokenRefused.evaluate(ex(401, {})));
    fails(bearer.queryTokenRefused.evaluate(ex(200, {})), /accepted/);
    passes(bearer.rawTokenRefused.evaluate(ex(401, {})));
    fails(bearer.rawTokenRefused.evaluate(ex(200, {})));
    passes(bearer.refreshTokenRefused.evaluate(ex(401, {})));
    fails(bearer.refreshTokenRefused.evaluate(transportFailure));
  });
  test('scheme case-insensitivity', () => {
    passes(bearer.schemeCaseInsensitive.evaluate(ex(200, {})));
    fails(bearer.schemeCaseInsensitive.evaluate(ex(401, {})));
  });
  test('challenge parser: quoted strings, escapes, token params', () => {
    expect(parseChallenge('Bearer realm="a, b", error=invalid_token, error_description="say \\"hi\\""')).toEqual({
      scheme: 'Bearer',
      params: { realm: 'a, b', error: 'invalid_token', error_description: 'say "hi"' },
    });
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});
