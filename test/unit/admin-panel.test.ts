// The admin-panel checks' verdicts, the page parsers and the row matching, on good and bad inputs.
import { expect, test } from '@playwright/test';
import { clientDeletionRevokesTokens, csrfProtection, sessionCookieHttpOnly } from '../../src/checks/admin.js';
import type { Exchange } from '../../src/checks/types.js';
import { hiddenFields, parseTokenRows } from '../../src/admin-panel/http-panel.js';
import { identifyRow, jwtTimes, splitSetCookie, type PanelTokenRow } from '../../src/admin-panel/suitecrm.js';
import * as html from '../../src/target/dialects/suitecrm/admin-panel/html.js';

const ex = (status: number, headers: Record<string, string> = {}, text = ''): Exchange => ({
  request: { method: 'POST', url: 'http://127.0.0.1/index.php', headers: {} },
  response: { status, headers, text },
  durationMs: 1,
});

test('session cookie: HttpOnly passes; missing HttpOnly, missing cookie and a failed login fail', () => {
  const login = (cookie: string, location = 'index.php?module=Home&action=index') => ({ login: ex(302, { location, 'set-cookie': cookie }), cookieName: 'PHPSESSID' });
  expect(sessionCookieHttpOnly.evaluate(login('PHPSESSID=abc; path=/; SameSite=Lax; HttpOnly, ck_login_id_20=1; path=/')).verdict).toBe('pass');
  expect(sessionCookieHttpOnly.evaluate(login('PHPSESSID=abc; path=/; SameSite=Lax, ck_login_id_20=1; path=/')).verdict).toBe('fail');
  expect(sessionCookieHttpOnly.evaluate(login('ck_login_id_20=1; path=/')).verdict).toBe('fail');
  // A failed login set no session cookie to judge.
  expect(sessionCookieHttpOnly.evaluate(login('PHPSESSID=abc; HttpOnly', 'index.php?module=Users&action=Login')).verdict).toBe('inconclusive');
});

test('csrf: a forged POST that created the probe client fails, one that did not passes, once the form itself works (the control)', () => {
  const probeName = 'crm-conformance-probe-csrf-1';
  const controlName = 'crm-conformance-probe-csrf-control-1';
  const e = (forged: Exchange, names: string[], listStatus = 200) => ({
    control: ex(301),
    controlName,
    forged,
    listAfter: ex(listStatus, {}, names.map((n) => `<td field="name"><a>${n}</a></td>`).join('')),
    probeName,
  });
  expect(csrfProtection.evaluate(e(ex(403), [controlName, 'other'])).verdict).toBe('pass');
  expect(csrfProtection.evaluate(e(ex(301), [controlName, probeName])).verdict).toBe('fail');
  expect(csrfProtection.evaluate(e(ex(301), [], 500)).verdict).toBe('inconclusive');
  // The panel's own form created nothing either: a refused forgery proves nothing.
  expect(csrfProtection.evaluate(e(ex(403), ['other'])).verdict).toBe('inconclusive');
});

test('client deletion: tokens refused afterwards pass; still working fails; a failed deletion or a token that never worked is inconclusive', () => {
  expect(clientDeletionRevokesTokens.evaluate({ before: ex(200), deletion: ex(301), after: ex(401) }).verdict).toBe('pass');
  expect(clientDeletionRevokesTokens.evaluate({ before: ex(200), deletion: ex(301), after: ex(200) }).verdict).toBe('fail');
  expect(clientDeletionRevokesTokens.evaluate({ before: ex(200), deletion: ex(403), after: ex(401) }).verdict).toBe('inconclusive');
  expect(clientDeletionRevokesTokens.evaluate({ before: ex(401), deletion: ex(301), after: ex(401) }).verdict).toBe('inconclusive');
});

const row = (rowId: string, clientName: string, created = '11/25/2026 13:50', accessExpires = '11/25/2026 14:50', revoked = false): PanelTokenRow => ({
  rowId,
  clientName,
  userName: 'admin',
  revoked,
  created,
  accessExpires,
});

test('identifyRow proves the one new row of the client with a matching lifetime, and refuses otherwise', () => {
  const e = { clientName: 'crm-conformance-password', lifetimeSeconds: 3600 };
  const m = identifyRow(new Set(['old']), [row('new', e.clientName), row('old', e.clientName), row('x', 'other')], e);
  expect(m.ok && m.row.rowId).toBe('new');
  expect(identifyRow(new Set(), [row('a', e.clientName), row('b', e.clientName)], e).ok).toBe(false);
  expect(identifyRow(new Set(), [row('a', e.clientName, '11/25/2026 13:50', '11/25/2026 13:52')], e).ok).toBe(false);
  expect(identifyRow(new Set(), [row('a', 'other')], e).ok).toBe(false);
  expect(identifyRow(new Set(), [row('a', e.clientName, undefined, undefined, true)], e).ok).toBe(false);
});

test('page parsers read the panel markup (token rows, hidden fields, joined Set-Cookie, JWT times)', () => {
  const page = html.tokensList(
    [{ rowId: 'r1', clientName: 'c&1', userName: 'admin', revoked: true, created: '11/25/2026 13:50', accessExpires: '11/25/2026 14:50', refreshExpires: '' }],
    'oauth2client_name',
  );
  expect(parseTokenRows(page)).toEqual([{ rowId: 'r1', clientName: 'c&1', userName: 'admin', revoked: true, created: '11/25/2026 13:50', accessExpires: '11/25/2026 14:50' }]);
  expect(parseTokenRows(html.tokensList([{ rowId: 'r1', clientName: 'c', userName: '', revoked: false, created: '', accessExpires: '', refreshExpires: '' }], 'client_name'))).toBeUndefined();
  expect(hiddenFields(page, 'MassUpdate')).toContainEqual(['massupdate', 'true']);
  expect(splitSetCookie('a=1; Expires=Wed, 25 Nov 2026 10:00:00 GMT; HttpOnly, b=2; path=/')).toEqual(['a=1; Expires=Wed, 25 Nov 2026 10:00:00 GMT; HttpOnly', 'b=2; path=/']);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  expect(jwtTimes(`${b64({ alg: 'RS256' })}.${b64({ iat: 1, exp: 3601, aud: 'c' })}.sig`)).toEqual({ iat: 1, exp: 3601, aud: 'c' });
  expect(jwtTimes('opaque')).toBeUndefined();
});
