// evaluate() of the forged-token and disclosure checks on good and bad evidence.
import { expect, test } from '@playwright/test';
import { noCorsWildcard, noSecretEcho, noStackTrace } from '../../src/checks/security/disclosure.js';
import { forgeryRefusal401, TOKEN_FORGERY_CHECKS } from '../../src/checks/security/tokens.js';
import type { CheckDef } from '../../src/checks/types.js';
import type { ForgeryEvidence } from '../../src/checks/security/tokens.js';
import { forge, decodeJwt } from '../../fixtures/forged-tokens.js';
import { ex, INVALID_GRANT, NO_ANSWER } from './exchange-raw.js';
import { oauth2ClientsAdminOnly, oauth2TokensAdminOnly, userPreferencesPrivate } from '../../src/checks/security/privileged.js';
import { passwordGrantNotOffered } from '../../src/checks/oauth2/grant-offer.js';
import { fetchJkuKeys } from '../../src/target/dialects/suitecrm/bearer-forgery.js';

/** Canary-shaped, built at run time so that no failure snippet of this source shows one. */
const SECRET = ['CNRY', 'abcdef012345'].join('');

const refused = ex(401, { error: 'invalid_token' });
const accepted = ex(200, { data: [] });

const SECURITY_OUTCOME = (TOKEN_FORGERY_CHECKS as readonly CheckDef<ForgeryEvidence>[]).filter((c) => c !== forgeryRefusal401);

test('forgery checks: refused at all passes, whatever the 4xx (a 403 refusal of alg none too); an accepted one fails', () => {
  for (const c of SECURITY_OUTCOME) {
    expect(c.evaluate({ control: accepted, probes: [{ label: 'a', ex: refused }] }).verdict, c.id).toBe('pass');
    expect(c.evaluate({ control: accepted, probes: [{ label: 'a', ex: ex(403, { error: 'forbidden' }) }] }).verdict, c.id).toBe('pass');
    expect(c.evaluate({ control: accepted, probes: [{ label: 'a', ex: refused }, { label: 'b', ex: accepted }] }).verdict, c.id).toBe('fail');
  }
});

test('forgery checks: a 500, no forgery, or a genuine token refused too (the control) cannot be judged', () => {
  for (const c of SECURITY_OUTCOME) {
    expect(c.evaluate({ control: accepted, probes: [{ label: 'a', ex: ex(500, '') }] }).verdict, c.id).toBe('inconclusive');
    expect(c.evaluate({ control: accepted, probes: [] }).verdict, c.id).toBe('inconclusive');
    const o = c.evaluate({ control: refused, probes: [{ label: 'a', ex: refused }] });
    expect(o.verdict === 'inconclusive' && o.reason, c.id).toMatch(/the control did not succeed: the genuine token/);
  }
});

test('forged-token refusals: 401 (SHOULD); accepted ones are the security checks\' findings', () => {
  const good = ex(401, { error: 'x' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
  expect(forgeryRefusal401).toMatchObject({ severity: 'should', keyword: 'SHOULD' });
  expect(forgeryRefusal401.evaluate({ control: accepted, probes: [{ label: 'alg none', ex: good }, { label: 'b', ex: accepted }] }).verdict).toBe('pass');
  const forbidden = forgeryRefusal401.evaluate({ control: accepted, probes: [{ label: 'alg none', ex: ex(403, { error: 'x' }, { 'www-authenticate': 'Bearer error="invalid_token"' }) }] });
  expect(forbidden.verdict !== 'pass' && forbidden.reason).toMatch(/a token with alg none: expected HTTP 401, got HTTP 403/);
  expect(forgeryRefusal401.evaluate({ control: accepted, probes: [{ label: 'a', ex: refused }] }).verdict).toBe('pass');
  expect(forgeryRefusal401.evaluate({ control: accepted, probes: [{ label: 'a', ex: accepted }] }).verdict).toBe('inconclusive');
});

test('exp-required rests on RFC 9068 §4, not RFC 8725 §3.10 (that section is about kid and jku)', () => {
  const exp = TOKEN_FORGERY_CHECKS.find((c) => c.id === 'security.tokens.exp-required')!;
  expect(exp.specRefs[0]).toBe('RFC 9068 §4');
  expect(exp.specRefs).not.toContain('RFC 8725 §3.10');
});

test('forge() makes the promised tokens', () => {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const jwt = decodeJwt(`${b({ typ: 'JWT', alg: 'RS256' })}.${b({ jti: 'j', sub: '1', exp: 2e9 })}.${Buffer.alloc(256, 7).toString('base64url')}`);
  const none = forge('alg-none', jwt, { otherAud: 'x' })[0]!.token;
  expect(decodeJwt(none).header.alg).toBe('none');
  expect(none.endsWith('.')).toBe(true);
  const altered = forge('signature-altered', jwt, { otherAud: 'x' })[0]!.token;
  expect(altered.split('.')[2]).not.toBe(jwt.raw.split('.')[2]);
  expect(Buffer.from(altered.split('.')[2]!, 'base64url').equals(Buffer.alloc(256, 7))).toBe(false);
  const tampered = forge('claim-tampered', jwt, { otherAud: 'x' });
  expect(tampered.map((t) => decodeJwt(t.token).payload.sub)).toContain('crm-conformance-other-user');
  const injected = forge('injected-key', jwt, { otherAud: 'x' }).map((t) => decodeJwt(t.token).header);
  expect(injected.map((h) => Object.keys(h).find((k) => ['jwk', 'jku'].includes(k)) ?? h.kid)).toEqual(['jwk', 'jku', '/dev/null']);
});

test('no-secret-echo: a body containing the submitted secret fails', () => {
  pass(noSecretEcho.evaluate({ probes: [{ label: 'wrong password', secret: SECRET, ex: INVALID_GRANT }] }));
  const echo = ex(500, { error: 'unknown_error', error_description: `The password is invalid: ${SECRET}` });
  fails(noSecretEcho.evaluate({ probes: [{ label: 'wrong password', secret: SECRET, ex: echo }] }));
});

test('no-stack-trace: PHP/Slim traces fail, plain errors pass', () => {
  pass(noStackTrace.evaluate([{ label: 'x', ex: INVALID_GRANT }]));
  fails(noStackTrace.evaluate([{ label: 'x', ex: ex(500, '<h2>Trace</h2><pre>#0 /var/www/html/x.php(178)</pre>') }]));
  // Slim's JSON error document (Accept: application/json), slashes escaped as SuiteCRM 7.14.6 sends it.
  fails(noStackTrace.evaluate([{ label: 'x', ex: ex(500, '{"message":"Slim Application Error","error":[{"trace":["#0 \\/var\\/www\\/html\\/data\\/BeanFactory.php(127): x()"]}]}') }]));
  expect(noStackTrace.evaluate([]).verdict).toBe('inconclusive');
});

test('cors: * fails, a named origin or none passes', () => {
  pass(noCorsWildcard.evaluate([{ label: 'api', ex: ex(200, {}, { 'access-control-allow-origin': 'https://crm.example' }) }, { label: 't', ex: INVALID_GRANT }]));
  fails(noCorsWildcard.evaluate([{ label: 'api', ex: ex(200, {}, { 'access-control-allow-origin': '*' }) }]));
});

function pass(o: { verdict: string }): void {
  expect(o.verdict).toBe('pass');
}
function fails(o: { verdict: string }): void {
  expect(o.verdict).toBe('fail');
}

test('client revocation: every access and refresh token refused passes; one surviving fails; the controls decide', async () => {
  const { clientRevocationKillsTokens: c } = await import('../../src/checks/security/revocation.js');
  const issued = ex(200, { access_token: 'x', token_type: 'Bearer' });
  const before = { accessBefore: [accepted, accepted], refreshBefore: issued };
  pass(c.evaluate({ ...before, access: [refused, refused], refresh: [INVALID_GRANT, INVALID_GRANT] }));
  fails(c.evaluate({ ...before, access: [refused, accepted], refresh: [INVALID_GRANT] }));
  fails(c.evaluate({ ...before, access: [refused], refresh: [issued] }));
  expect(c.evaluate({ ...before, access: [], refresh: [] }).verdict).toBe('inconclusive');
  expect(c.evaluate({ ...before, accessBefore: [refused, accepted], access: [refused, refused], refresh: [] }).verdict).toBe('inconclusive');
  expect(c.evaluate({ ...before, refreshBefore: INVALID_GRANT, access: [refused, refused], refresh: [INVALID_GRANT] }).verdict).toBe('inconclusive');
});

test('bearer-jku-trusted fetches loopback key sets only', async () => {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const withJku = (jku: string) => `Bearer ${b({ alg: 'RS256', jku })}.${b({ jti: 'j' })}.c2ln`;
  // Rejected before any request: the reference target never sends traffic off the machine.
  expect(await fetchJkuKeys(withJku('http://example.com/jwks.json'))).toEqual([]);
  expect(await fetchJkuKeys(withJku('https://127.0.0.1:9/jwks.json'))).toEqual([]);
  expect(await fetchJkuKeys(withJku('http://127.0.0.1:9/jwks.json'))).toEqual([]);
  expect(await fetchJkuKeys(undefined)).toEqual([]);
});

test('privileged reads: no data passes; a listed row of another user fails, own rows pass', () => {
  const rows = (...users: string[]) => ex(200, { data: users.map((u, i) => ({ type: 'OAuth2Tokens', id: String(i), attributes: { assigned_user_id: u } })) });
  const adminSees = rows('me', 'admin');
  expect(oauth2TokensAdminOnly.evaluate({ ex: ex(403, { errors: [{ status: '403' }] }), control: adminSees, ownUserId: 'me' }).verdict).toBe('pass');
  expect(oauth2TokensAdminOnly.evaluate({ ex: rows('me', 'me'), control: adminSees, ownUserId: 'me' }).verdict).toBe('pass');
  expect(oauth2TokensAdminOnly.evaluate({ ex: rows('me', 'admin'), control: adminSees, ownUserId: 'me' }).verdict).toBe('fail');
  for (const c of [oauth2ClientsAdminOnly, userPreferencesPrivate]) {
    const control = ex(200, { data: [{ type: 'X', id: '1' }] });
    expect(c.evaluate({ ex: ex(403, { errors: [{ status: '403' }] }), control }).verdict, c.id).toBe('pass');
    expect(c.evaluate({ ex: ex(200, { data: [] }), control }).verdict, c.id).toBe('pass');
    expect(c.evaluate({ ex: ex(200, { data: [{ type: 'OAuth2Clients', id: 'c' }] }), control }).verdict, c.id).toBe('fail');
    expect(c.evaluate({ ex: ex(200, { data: { type: 'UserPreference', id: '1', attributes: {} } }), control }).verdict, c.id).toBe('fail');
  }
});

test('privileged reads: nothing for the administrator to see, or data that is not a list, cannot be judged', () => {
  const empty = ex(200, { data: [] });
  expect(oauth2ClientsAdminOnly.evaluate({ ex: empty, control: empty }).verdict).toBe('inconclusive');
  expect(userPreferencesPrivate.evaluate({ ex: ex(403, {}), control: ex(401, {}) }).verdict).toBe('inconclusive');
  const adminSees = ex(200, { data: [{ type: 'OAuth2Tokens', id: '1', attributes: { assigned_user_id: 'admin' } }] });
  const o = oauth2TokensAdminOnly.evaluate({ ex: ex(200, { data: { type: 'OAuth2Tokens', id: '1' } }), control: adminSees, ownUserId: 'me' });
  expect(o.verdict === 'inconclusive' && o.reason).toMatch(/not a list of rows/);
  expect(oauth2TokensAdminOnly.evaluate({ ex: ex(403, {}), control: ex(200, { data: [{ attributes: { assigned_user_id: 'me' } }] }), ownUserId: 'me' }).verdict).toBe('inconclusive');
});

test('password grant not offered: refused passes; an issued token is an honest advisory fail; a failed control is inconclusive', () => {
  const issued = ex(200, { token_type: 'Bearer', access_token: 'x', expires_in: 60 });
  expect(passwordGrantNotOffered).toMatchObject({ severity: 'advisory', keyword: 'MUST NOT' });
  expect(passwordGrantNotOffered.evaluate({ attempt: ex(400, { error: 'unsupported_grant_type' }), control: issued }).verdict).toBe('pass');
  const offered = passwordGrantNotOffered.evaluate({ attempt: issued, control: issued });
  expect(offered.verdict !== 'pass' && offered.reason).toMatch(/the deployment offers the password grant/);
  expect(passwordGrantNotOffered.evaluate({ attempt: ex(401, {}), control: ex(401, {}) }).verdict).toBe('inconclusive');
});

test('password grant not offered: a 2xx without a token is no refusal, and no answer is none either', () => {
  const issued = ex(200, { token_type: 'Bearer', access_token: 'x', expires_in: 60 });
  const empty = passwordGrantNotOffered.evaluate({ attempt: ex(200, {}), control: issued });
  expect(empty.verdict !== 'pass' && empty.reason).toMatch(/the deployment offers the password grant/);
  const silent = passwordGrantNotOffered.evaluate({ attempt: NO_ANSWER, control: issued });
  expect(silent.verdict === 'inconclusive' && silent.reason).toMatch(/got no answer at all/);
});
