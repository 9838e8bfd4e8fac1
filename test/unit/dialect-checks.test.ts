// The checks of the vendor dialects judge good and bad evidence (no HTTP).
import { expect, test } from '@playwright/test';
import { headerWorks, queryRefused, regeneratedNewWorks, regeneratedOldRefused } from '../../src/checks/apikey.js';
import { expiredTokenVendorError } from '../../src/checks/bearer-vendor.js';
import { clientRevokeKillsTokens } from '../../src/checks/oauth2/client-revocation.js';
import { unofferedGrantRefused, unofferedGrantUnsupported } from '../../src/checks/oauth2/grant-offer.js';
import { otherPlatformSurvives, samePlatformEndsFirst } from '../../src/checks/session.js';
import type { Exchange } from '../../src/checks/types.js';

function ex(status: number, json?: unknown, headers: Record<string, string> = {}): Exchange {
  const text = json === undefined ? '' : JSON.stringify(json);
  return {
    request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} },
    response: { status, headers: { 'content-type': 'application/json', ...headers }, text, json },
    durationMs: 1,
  };
}
const ok = ex(200, { data: [] });
const denied = ex(401, { error: 'invalid_token' });

const issued = ex(200, { access_token: 'x', token_type: 'Bearer' });

test('unoffered grant: refused and unsupported_grant_type, against an offered grant that issues a token', () => {
  const unsupported = ex(400, { error: 'unsupported_grant_type' });
  const r = (attempt: Exchange, control: Exchange = issued) => ({ attempt, control });
  expect(unofferedGrantRefused.evaluate(r(unsupported)).verdict).toBe('pass');
  expect(unofferedGrantRefused.evaluate(r(issued)).verdict).toBe('fail');
  expect(unofferedGrantRefused.evaluate(r(unsupported, unsupported)).verdict).toBe('inconclusive');
  expect(unofferedGrantUnsupported.evaluate(r(unsupported)).verdict).toBe('pass');
  expect(unofferedGrantUnsupported.evaluate(r(ex(400, { error: 'unauthorized_client' }))).verdict).toBe('fail');
  expect(unofferedGrantUnsupported.evaluate(r(issued)).verdict).toBe('inconclusive');
  expect(unofferedGrantRefused).toMatchObject({ keyword: 'profile', severity: 'advisory' });
});

test('client revocation: works before, refused after; a token refused before is inconclusive', () => {
  expect(clientRevokeKillsTokens.evaluate({ before: ok, after: denied }).verdict).toBe('pass');
  expect(clientRevokeKillsTokens.evaluate({ before: ok, after: ok }).verdict).toBe('fail');
  expect(clientRevokeKillsTokens.evaluate({ before: denied, after: denied }).verdict).toBe('inconclusive');
});

test('API key: header works, query refused, regeneration replaces the key (controls: the key worked before)', () => {
  expect(headerWorks.evaluate(ok).verdict).toBe('pass');
  expect(headerWorks.evaluate(denied).verdict).toBe('fail');
  const q = (attempt: Exchange, control = ok, baseline = denied) => ({ attempt, control, baseline });
  expect(queryRefused.evaluate(q(denied)).verdict).toBe('pass');
  expect(queryRefused.evaluate(q(ok)).verdict).toBe('fail');
  expect(queryRefused.evaluate(q(denied, denied)).verdict).toBe('inconclusive');
  expect(queryRefused.evaluate(q(ok, ok, ok)).verdict).toBe('inconclusive');
  expect(regeneratedOldRefused.evaluate({ before: ok, after: denied }).verdict).toBe('pass');
  expect(regeneratedOldRefused.evaluate({ before: ok, after: ok }).verdict).toBe('fail');
  expect(regeneratedOldRefused.evaluate({ before: denied, after: denied }).verdict).toBe('inconclusive');
  expect(regeneratedNewWorks.evaluate({ before: ok, after: ok }).verdict).toBe('pass');
  expect(regeneratedNewWorks.evaluate({ before: ok, after: denied }).verdict).toBe('fail');
  expect(regeneratedNewWorks.evaluate({ before: denied, after: denied }).verdict).toBe('inconclusive');
});

test('platform sessions: same platform ends the first, another keeps it; the first token and the second login are controls', () => {
  expect(samePlatformEndsFirst.evaluate({ before: ok, second: ok, after: denied }).verdict).toBe('pass');
  expect(samePlatformEndsFirst.evaluate({ before: ok, second: ok, after: ok }).verdict).toBe('fail');
  expect(samePlatformEndsFirst.evaluate({ before: ok, second: denied, after: denied }).verdict).toBe('inconclusive');
  expect(otherPlatformSurvives.evaluate({ before: ok, second: ok, after: ok }).verdict).toBe('pass');
  expect(otherPlatformSurvives.evaluate({ before: ok, second: ok, after: denied }).verdict).toBe('fail');
  expect(otherPlatformSurvives.evaluate({ before: denied, second: ok, after: denied }).verdict).toBe('inconclusive');
});

test('vendor expired-token error: 401 with the documented text, for a token that worked before', () => {
  const good = ex(401, { error: 'invalid_token', message: 'Invalid Token' });
  expect(expiredTokenVendorError.evaluate({ before: ok, exchange: good, expected: 'Invalid Token' }).verdict).toBe('pass');
  expect(expiredTokenVendorError.evaluate({ before: ok, exchange: ex(401, { message: 'Unauthorized' }), expected: 'Invalid Token' }).verdict).toBe('fail');
  expect(expiredTokenVendorError.evaluate({ before: ok, exchange: ex(200, { message: 'Invalid Token' }), expected: 'Invalid Token' }).verdict).toBe('fail');
  expect(expiredTokenVendorError.evaluate({ before: denied, exchange: good, expected: 'Invalid Token' }).verdict).toBe('inconclusive');
});

