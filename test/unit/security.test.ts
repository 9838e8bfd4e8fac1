// evaluate() of the forged-token and disclosure checks on good and bad evidence.
import { expect, test } from '@playwright/test';
import { noCorsWildcard, noSecretEcho, noStackTrace } from '../../src/checks/security/disclosure.js';
import { TOKEN_FORGERY_CHECKS } from '../../src/checks/security/tokens.js';
import type { CheckDef } from '../../src/checks/types.js';
import type { ForgeryEvidence } from '../../src/checks/security/tokens.js';
import { forge, decodeJwt } from '../../fixtures/forged-tokens.js';
import { ex, INVALID_GRANT } from './exchange-raw.js';
import { oauth2ClientsAdminOnly, oauth2TokensAdminOnly, userPreferencesPrivate } from '../../src/checks/security/privileged.js';
import { passwordGrantNotOffered } from '../../src/checks/oauth2/grant-offer.js';
import { fetchJkuKeys } from '../../src/target/dialects/suitecrm/bearer-forgery.js';

/** Canary-shaped, built at run time so that no failure snippet of this source shows one. */
const SECRET = ['CNRY', 'abcdef012345'].join('');

const refused = ex(401, { error: 'invalid_token' });
const accepted = ex(200, { data: [] });

test('forgery checks: every forged token refused with 401 passes; an accepted one or a 500 fails', () => {
  for (const c of TOKEN_FORGERY_CHECKS as readonly CheckDef<ForgeryEvidence>[]) {
    expect(c.evaluate({ probes: [{ label: 'a', ex: refused }] }).verdict, c.id).toBe('pass');
    expect(c.evaluate({ probes: [{ label: 'a', ex: refused }, { label: 'b', ex: accepted }] }).verdict, c.id).toBe('fail');
    expect(c.evaluate({ probes: [{ label: 'a', ex: ex(500, '') }] }).verdict, c.id).toBe('fail');
    expect(c.evaluate({ probes: [] }).verdict, c.id).toBe('fail');
  }
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
  fails(noStackTrace.evaluate([]));
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

test('client revocation: every access and refresh token refused passes; one surviving fails', async () => {
  const { clientRevocationKillsTokens: c } = await import('../../src/checks/security/revocation.js');
  pass(c.evaluate({ access: [refused, refused], refresh: [INVALID_GRANT, INVALID_GRANT] }));
  fails(c.evaluate({ access: [refused, accepted], refresh: [INVALID_GRANT] }));
  fails(c.evaluate({ access: [refused], refresh: [ex(200, { access_token: 'x', token_type: 'Bearer' })] }));
  fails(c.evaluate({ access: [], refresh: [] }));
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
  expect(oauth2TokensAdminOnly.evaluate({ ex: ex(403, { errors: [{ status: '403' }] }), ownUserId: 'me' }).verdict).toBe('pass');
  expect(oauth2TokensAdminOnly.evaluate({ ex: rows('me', 'me'), ownUserId: 'me' }).verdict).toBe('pass');
  expect(oauth2TokensAdminOnly.evaluate({ ex: rows('me', 'admin'), ownUserId: 'me' }).verdict).toBe('fail');
  for (const c of [oauth2ClientsAdminOnly, userPreferencesPrivate]) {
    expect(c.evaluate(ex(403, { errors: [{ status: '403' }] })).verdict, c.id).toBe('pass');
    expect(c.evaluate(ex(200, { data: [] })).verdict, c.id).toBe('pass');
    expect(c.evaluate(ex(200, { data: [{ type: 'OAuth2Clients', id: 'c' }] })).verdict, c.id).toBe('fail');
    expect(c.evaluate(ex(200, { data: { type: 'UserPreference', id: '1', attributes: {} } })).verdict, c.id).toBe('fail');
  }
});

test('password grant not offered: refused passes, an issued token fails', () => {
  expect(passwordGrantNotOffered.evaluate(ex(400, { error: 'unsupported_grant_type' })).verdict).toBe('pass');
  expect(passwordGrantNotOffered.evaluate(ex(200, { token_type: 'Bearer', access_token: 'x', expires_in: 60 })).verdict).toBe('fail');
});
