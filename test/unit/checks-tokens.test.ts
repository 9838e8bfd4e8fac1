// JWT, expiry, revocation and bearer checks on good and bad payloads, offline.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { expect, test } from '@playwright/test';
import * as bearer from '../../src/checks/bearer.js';
import { parseChallenge } from '../../src/checks/conditions.js';
import * as expiry from '../../src/checks/oauth2/expiry.js';
import { decodeJwt, jwtClaims, jwtHeader, jwtJtiUnique, jwtLifetime, jwtSignature, type JwtEvidence, type SignatureEvidence } from '../../src/checks/oauth2/jwt.js';
import { verifySignature } from '../../src/jwt/verify.js';
import { PreconditionError } from '../../src/client/oauth.js';
import { CompactSign } from 'jose';
import * as revocation from '../../src/checks/oauth2/revocation.js';
import type { Outcome } from '../../src/checks/types.js';
import { signJwt } from '../../src/target/jwt.js';
import { loadProfile } from '../../src/profile/profile.js';
import { CONTROL } from '../../src/target/faults/types.js';
import { ex, TOKEN, transportFailure, undecided } from './exchange.js';

const passes = (o: Outcome) => expect(o, JSON.stringify(o)).toMatchObject({ verdict: 'pass' });
const DATA = ex(200, { data: [] });
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
  test('a public key that cannot be read is a set-up error with the fix, not the target failing', async () => {
    await expect(verifySignature(jwt(), 'not a key')).rejects.toThrow(PreconditionError);
    await expect(verifySignature(jwt(), 'not a key')).rejects.toMatchObject({ fix: expect.stringContaining('CRM_JWT_PUBLIC_KEY') });
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
  test('lifetime cannot be judged without expires_in, exp or iat: inconclusive, never pass', () => {
    const { iat: _i, ...noIat } = CLAIMS;
    const { exp: _e, ...noExp } = CLAIMS;
    undecided(jwtLifetime.evaluate({ ...ev(jwt()), expiresIn: undefined }), /no expires_in/);
    undecided(jwtLifetime.evaluate(ev(jwt(noIat))), /no numeric iat/);
    undecided(jwtLifetime.evaluate(ev(jwt(noExp))), /no numeric exp/);
  });
  test('what a token carries is a profile expectation (RFC 7519 claims are OPTIONAL): advisory', () => {
    for (const c of [jwtHeader, jwtClaims, jwtLifetime, jwtSignature]) expect(c).toMatchObject({ keyword: 'profile', severity: 'advisory' });
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
    const { jti: _j, ...noJti } = CLAIMS;
    undecided(jwtJtiUnique.evaluate({ accessTokens: [jwt(noJti), jwt(noJti)] }), /no jti/);
    undecided(jwtJtiUnique.evaluate({ accessTokens: [jwt()] }), /two/);
  });
  test('decodeJwt reads SuiteCRM float times exactly', () => {
    const d = decodeJwt(jwt());
    expect(typeof d === 'string' ? d : d.payload.iat).toBe(now);
  });
});

test.describe('expiry', () => {
  const expired = (status: number, headers: Record<string, string> = {}, control = DATA) => ({ control, exchange: ex(status, { error: 'access_denied' }, headers), observedLeewayMs: 12 });
  test('an expired access token is refused (any 4xx), its refusal carries a Bearer challenge', () => {
    const good = expired(401, { 'WWW-Authenticate': 'Bearer realm="SuiteCRM", error="invalid_token"' });
    expect(expiry.accessTokenExpires.evaluate(good)).toMatchObject({ verdict: 'pass', note: expect.stringContaining('12 ms') });
    passes(expiry.accessTokenExpires.evaluate(expired(403)));
    passes(expiry.accessTokenExpiredChallenge.evaluate(good));
    passes(expiry.accessTokenExpiredChallenge.evaluate(expired(401, { 'WWW-Authenticate': 'Bearer realm="x"' })));
    fails(expiry.accessTokenExpires.evaluate(expired(200)), /expired access token was accepted/);
    fails(expiry.accessTokenExpiredChallenge.evaluate(expired(401)), /without a WWW-Authenticate/);
  });
  test('the control: a fresh token works on the same request; a granted expired token has no challenge to judge', () => {
    undecided(expiry.accessTokenExpires.evaluate(expired(401, {}, ex(401, {}))), CONTROL);
    undecided(expiry.accessTokenExpiredChallenge.evaluate(expired(401, {}, ex(401, {}))), CONTROL);
    undecided(expiry.accessTokenExpiredChallenge.evaluate(expired(200)), /no refusal whose challenge/);
  });
  test('an expired refresh token gets no token, and 400 invalid_grant; a sibling refresh is the control', () => {
    const c = (attempt: ReturnType<typeof ex>, control = ex(200, TOKEN)) => ({ attempt, control });
    passes(expiry.refreshTokenExpires.evaluate(c(ex(401, { error: 'invalid_request' }))));
    fails(expiry.refreshTokenExpires.evaluate(c(ex(200, TOKEN))));
    undecided(expiry.refreshTokenExpires.evaluate(c(ex(401, { error: 'invalid_client' }), ex(401, { error: 'invalid_client' }))), CONTROL);
    passes(expiry.refreshTokenExpiredInvalidGrant.evaluate(c(ex(400, { error: 'invalid_grant' }))));
    fails(expiry.refreshTokenExpiredInvalidGrant.evaluate(c(ex(401, { error: 'invalid_request' }))));
    undecided(expiry.refreshTokenExpiredInvalidGrant.evaluate(c(ex(200, TOKEN))), /was accepted/);
  });
});

test.describe('revocation', () => {
  test('admin revocation: refused after (any 4xx); a token that never worked before is inconclusive, not a pass', () => {
    passes(revocation.adminRevokesAccessToken.evaluate({ before: DATA, after: ex(401, {}) }));
    passes(revocation.adminRevokesAccessToken.evaluate({ before: DATA, after: ex(403, {}) }));
    undecided(revocation.adminRevokesAccessToken.evaluate({ before: ex(401, {}), after: ex(401, {}) }), CONTROL);
    fails(revocation.adminRevokesAccessToken.evaluate({ before: DATA, after: DATA }), /accepted/);
  });
  test('admin-revoked refresh token: refused, while a sibling refresh token works (the control)', () => {
    passes(revocation.adminRevokesRefreshToken.evaluate({ control: ex(200, TOKEN), after: ex(401, { error: 'invalid_request' }) }));
    fails(revocation.adminRevokesRefreshToken.evaluate({ control: ex(200, TOKEN), after: ex(200, TOKEN) }), /accepted/);
    // The upgrade-gate story: every refresh refused (SuiteCRM #10268) proves nothing about revocation.
    undecided(revocation.adminRevokesRefreshToken.evaluate({ control: ex(401, { error: 'invalid_client' }), after: ex(401, { error: 'invalid_client' }) }), CONTROL);
  });
  test('logout must succeed, then the tokens are refused', () => {
    const le = (logout: ReturnType<typeof ex>, after: ReturnType<typeof ex>, before = DATA, control = ex(200, TOKEN)) => ({ before, control, logout, after });
    passes(revocation.logoutRevokesAccessToken.evaluate(le(ex(200, {}), ex(401, {}))));
    undecided(revocation.logoutRevokesAccessToken.evaluate(le(ex(401, {}), ex(401, {}))), /logout itself did not succeed/);
    undecided(revocation.logoutRevokesAccessToken.evaluate(le(ex(200, {}), ex(401, {}), ex(401, {}))), CONTROL);
    fails(revocation.logoutRevokesAccessToken.evaluate(le(ex(200, {}), DATA)));
    passes(revocation.logoutRevokesRefreshToken.evaluate(le(ex(200, {}), ex(400, { error: 'invalid_grant' }))));
    fails(revocation.logoutRevokesRefreshToken.evaluate(le(ex(200, {}), ex(200, TOKEN))));
    undecided(revocation.logoutRevokesRefreshToken.evaluate(le(ex(200, {}), ex(400, { error: 'invalid_grant' }), DATA, ex(401, {}))), CONTROL);
    expect(revocation.logoutRevokesRefreshToken).toMatchObject({ keyword: 'MAY', severity: 'advisory' });
  });
  test('admin and logout revocation do not cite the RFC 7009 endpoint section', () => {
    for (const c of revocation.REVOCATION_CHECKS) expect(c.specRefs).not.toContain('RFC 7009 §2.2');
  });
});

test.describe('bearer (RFC 6750)', () => {
  const challenge = (v: string, status = 401) => ex(status, { error: 'access_denied' }, { 'WWW-Authenticate': v });
  const p = (attempt: ReturnType<typeof ex>, control = DATA) => ({ attempt, control });
  test('missing token: a Bearer challenge (MUST) on any refusal; 401 without an error code (SHOULD)', () => {
    passes(bearer.missingTokenChallenge.evaluate(p(challenge('Bearer realm="SuiteCRM"'))));
    passes(bearer.missingTokenChallenge.evaluate(p(challenge('Bearer realm="SuiteCRM"', 403))));
    fails(bearer.missingTokenChallenge.evaluate(p(ex(401, {}))), /HTTP 401 without a WWW-Authenticate/);
    fails(bearer.missingTokenChallenge.evaluate(p(DATA)), /HTTP 200 without a WWW-Authenticate/);
    fails(bearer.missingTokenChallenge.evaluate(p(challenge('Basic realm="x"'))), /scheme is "Basic"/);
    passes(bearer.missingToken401.evaluate(p(challenge('Bearer realm="SuiteCRM"'))));
    fails(bearer.missingToken401.evaluate(p(ex(400, {}))), /expected HTTP 401/);
    fails(bearer.missingToken401.evaluate(p(challenge('Bearer error="invalid_token"'))), /SHOULD NOT/);
    undecided(bearer.missingToken401.evaluate(p(DATA)), /was accepted .*no refusal/);
    expect(bearer.missingToken401).toMatchObject({ keyword: 'SHOULD', severity: 'should' });
  });
  test('missing token: the control (a valid token on the same request) must work', () => {
    undecided(bearer.missingTokenChallenge.evaluate(p(challenge('Bearer realm="x"'), ex(401, {}))), /valid token/);
    undecided(bearer.missingToken401.evaluate(p(ex(401, {}), ex(500, '<h1>x</h1>'))), CONTROL);
  });
  test('invalid tokens: refused at all (MUST), with 401 (SHOULD), with error="invalid_token" in the challenge (SHOULD)', () => {
    const probes = (...e: ReturnType<typeof ex>[]) => ({ control: DATA, probes: e.map((x, i) => ({ label: `probe ${i}`, ex: x })) });
    const good = challenge('Bearer realm="x", error="invalid_token"');
    passes(bearer.invalidTokenRefused.evaluate(probes(ex(401, {}), ex(403, {}))));
    fails(bearer.invalidTokenRefused.evaluate(probes(ex(401, {}), DATA)), /probe 1 was accepted/);
    passes(bearer.invalidToken401.evaluate(probes(good, good)));
    passes(bearer.invalidToken401.evaluate(probes(ex(401, {}))));
    fails(bearer.invalidToken401.evaluate(probes(good, challenge('Bearer realm="x", error="invalid_token"', 403))), /probe 1: expected HTTP 401, got HTTP 403/);
    // An accepted token is invalid-token-refused's finding; here only the refusals are judged.
    passes(bearer.invalidToken401.evaluate(probes(good, DATA)));
    undecided(bearer.invalidToken401.evaluate(probes(DATA)), /none was refused/);
    undecided(bearer.invalidTokenRefused.evaluate({ ...probes(ex(401, {})), control: ex(401, {}) }), CONTROL);
    passes(bearer.invalidTokenError.evaluate(probes(good, challenge('Bearer error="invalid_token"', 403))));
    fails(bearer.invalidTokenError.evaluate(probes(challenge('Bearer realm="x"'))), /no error attribute/);
    fails(bearer.invalidTokenError.evaluate(probes(challenge('Bearer error="invalid_request"'))), /error="invalid_request"/);
    // No challenge at all: the challenge checks' MUST, nothing to look in here.
    undecided(bearer.invalidTokenError.evaluate(probes(ex(401, {}))), /no challenge/);
    undecided(bearer.invalidTokenError.evaluate(probes(DATA)), /none was refused/);
  });
  test('invalid token challenge: a Bearer challenge on the refusal; no refusal is inconclusive', () => {
    passes(bearer.invalidTokenChallenge.evaluate(p(challenge('Bearer realm="x", error="invalid_token", error_description="expired"'))));
    passes(bearer.invalidTokenChallenge.evaluate(p(challenge('Bearer realm="x"'))));
    fails(bearer.invalidTokenChallenge.evaluate(p(ex(401, {}))), /without a WWW-Authenticate/);
    undecided(bearer.invalidTokenChallenge.evaluate(p(DATA)), /no refusal/);
  });
  test('malformed presentation: 400 or 401, never 2xx or 5xx', () => {
    const m = (...e: ReturnType<typeof ex>[]) => ({ control: DATA, probes: e.map((x, i) => ({ label: ['empty', 'two'][i]!, ex: x })) });
    passes(bearer.malformedAuthorization.evaluate(m(ex(400, {}), ex(401, {}))));
    fails(bearer.malformedAuthorization.evaluate(m(ex(500, '<h1>x</h1>'))), /empty: expected HTTP 400 or 401/);
    fails(bearer.malformedAuthorization.evaluate(m(ex(400, {}), DATA)), /two was accepted/);
    undecided(bearer.malformedAuthorization.evaluate({ ...m(ex(400, {})), control: ex(401, {}) }), CONTROL);
  });
  test('tokens in the wrong place: refused, with the token working in the header and no credentials refused', () => {
    const pl = (attempt: ReturnType<typeof ex>, control = DATA, baseline = ex(401, {})) => ({ attempt, control, baseline });
    passes(bearer.queryTokenRefused.evaluate(pl(ex(401, {}))));
    fails(bearer.queryTokenRefused.evaluate(pl(DATA)), /accepted/);
    undecided(bearer.queryTokenRefused.evaluate(pl(DATA, DATA, DATA)), /without credentials/);
    undecided(bearer.queryTokenRefused.evaluate(pl(ex(401, {}), ex(401, {}))), CONTROL);
    expect(bearer.queryTokenRefused).toMatchObject({ keyword: 'MAY', severity: 'advisory' });
    passes(bearer.rawTokenRefused.evaluate(pl(ex(401, {}))));
    fails(bearer.rawTokenRefused.evaluate(pl(DATA)));
    passes(bearer.refreshTokenRefused.evaluate(p(ex(401, {}))));
    undecided(bearer.refreshTokenRefused.evaluate(p(transportFailure)), /neither accepted nor refused/);
    undecided(bearer.refreshTokenRefused.evaluate(p(ex(401, {}), ex(401, {}))), /access token of the same pair/);
  });
  test('scheme case-insensitivity, with "Bearer" as the control', () => {
    passes(bearer.schemeCaseInsensitive.evaluate(p(DATA)));
    fails(bearer.schemeCaseInsensitive.evaluate(p(ex(401, {}))));
    undecided(bearer.schemeCaseInsensitive.evaluate(p(ex(401, {}), ex(401, {}))), CONTROL);
  });
  test('challenge parser: quoted strings, escapes, token params', () => {
    expect(parseChallenge('Bearer realm="a, b", error=invalid_token, error_description="say \\"hi\\""')).toEqual({
      scheme: 'Bearer',
      params: { realm: 'a, b', error: 'invalid_token', error_description: 'say "hi"' },
    });
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});
