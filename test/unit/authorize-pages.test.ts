// The login/consent pages of an authorization request, read as data: the profile's selectors or
// the defaults ("the first password form", "the first submit control"), for several servers' markup.
import { expect, test } from '@playwright/test';
import { readAuthorizePage } from '../../src/html/authorize-pages.js';
import { isPlan, tokenPlan } from '../../fixtures/tokens.js';
import { loadProfile } from '../../src/profile/profile.js';

const FLEXIE =
  '<html><form method="post" action="/oauth2/authorize?x=1&amp;y=2"><input type="hidden" name="state" value="a&#38;b">' +
  '<input name="username"><input type="password" name="password"><button type="submit" name="authorize" value="allow">Allow</button></form></html>';

test('the first password form: hidden fields, the username field, the pressed submit control', () => {
  expect(readAuthorizePage(FLEXIE)).toEqual({
    kind: 'login',
    submission: { method: 'post', action: '/oauth2/authorize?x=1&y=2', fields: [['state', 'a&b'], ['authorize', 'allow']] },
    username: 'username',
    password: 'password',
  });
});

test('a login page with a search form first and single-quoted, unquoted attributes', () => {
  const html =
    "<form id=search action=/search><input name=q value='x'><button>Go</button></form>" +
    "<form action='/interaction/abc' method=post autocomplete=off><input type=hidden name=prompt value=login>" +
    '<input required type=text name=login><input required type=password name=pwd><input type=checkbox name=remember>' +
    '<button type=submit class=login>Sign-in</button></form>';
  expect(readAuthorizePage(html)).toEqual({
    kind: 'login',
    submission: { method: 'post', action: '/interaction/abc', fields: [['prompt', 'login']] },
    username: 'login',
    password: 'pwd',
  });
});

test("selectors pick the fields and buttons (SuiteCRM 7.15's pages)", () => {
  const profile = loadProfile('suitecrm-7.15');
  const login =
    '<form method="post" action="/Api/authorize" id="login-form"><input type="hidden" name="request" value="r1">' +
    '<input type="text" name="username" id="username"><input type="password" name="password" id="password"><button type="submit" id="login">Log in</button></form>';
  expect(readAuthorizePage(login, profile.authorize!)).toMatchObject({ kind: 'login', username: 'username', password: 'password' });
  const approve =
    '<form method="post" action="/Api/authorize/approve"><input type="hidden" name="request" value="r1">' +
    '<button type="submit" name="decision" value="once" id="approve-once">Once</button><button type="submit" name="decision" value="always" id="approve-always">Always</button>' +
    '<button type="submit" name="decision" value="deny" id="deny">Deny</button></form>';
  const page = readAuthorizePage(approve, profile.authorize!);
  expect(page).toEqual({
    kind: 'consent',
    approve: { method: 'post', action: '/Api/authorize/approve', fields: [['request', 'r1'], ['decision', 'once']] },
    remember: { method: 'post', action: '/Api/authorize/approve', fields: [['request', 'r1'], ['decision', 'always']] },
    deny: { method: 'post', action: '/Api/authorize/approve', fields: [['request', 'r1'], ['decision', 'deny']] },
  });
});

test('a consent page whose deny control is a link; without selectors it has no deny', () => {
  const html = '<form action="/interaction/u2" method="post"><input type="hidden" name="prompt" value="consent"><button autofocus type="submit">Continue</button></form><a href="/interaction/u2/abort">[ Cancel ]</a>';
  expect(readAuthorizePage(html)).toEqual({ kind: 'consent', approve: { method: 'post', action: '/interaction/u2', fields: [['prompt', 'consent']] } });
  expect(readAuthorizePage(html, { consent: { deny: 'a[href$="/abort"]' } })).toMatchObject({ deny: { method: 'get', action: '/interaction/u2/abort', fields: [] } });
  expect(readAuthorizePage('<p>Unknown client.</p>')).toBeUndefined();
});

test('the token plan: password first, else the code flow, else client_credentials; reasons say what to set', () => {
  const user = { username: 'u', password: 'p' };
  const client = { id: 'c', secret: 's' };
  const codeClient = { id: 'k', secret: 's', redirectUri: 'http://127.0.0.1:9/cb' };
  const suite = loadProfile('suitecrm-7.15');
  expect(tokenPlan(suite, { ...user, client, codeClient }, 'refresh')).toMatchObject({ grant: 'password', client });
  const flexie = loadProfile('flexie');
  expect(tokenPlan(flexie, { ...user, client, codeClient }, 'refresh')).toMatchObject({ grant: 'authorization_code', client: codeClient });
  // Flexie's own variables: the main client with CRM_REDIRECT_URI.
  expect(tokenPlan(flexie, { ...user, client, redirectUri: 'http://127.0.0.1/cb' }, 'access')).toMatchObject({ grant: 'authorization_code', client: { id: 'c', redirectUri: 'http://127.0.0.1/cb' } });
  const noCode = tokenPlan(flexie, { ...user }, 'second-client');
  expect(isPlan(noCode) ? undefined : noCode).toEqual({ reason: expect.stringMatching(/CRM_AUTHCODE_CLIENT2_ID/), notApplicable: false });
  const entry = loadProfile('suitecrm-entrypoint');
  expect(tokenPlan(entry, { ccClient: client }, 'access')).toMatchObject({ grant: 'client_credentials' });
  expect(tokenPlan(entry, { ccClient: client }, 'refresh')).toEqual({ reason: expect.stringMatching(/does not offer the refresh_token grant/), notApplicable: true });
  expect(tokenPlan(entry, { ccClient: client }, 'user')).toEqual({ reason: expect.stringMatching(/offers no grant that gives a token acting for a user/), notApplicable: true });
});
