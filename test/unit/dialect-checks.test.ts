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

test('unoffered grant: refused and unsupported_grant_type', () => {
  const unsupported = ex(400, { error: 'unsupported_grant_type' });
  expect(unofferedGrantRefused.evaluate(unsupported).verdict).toBe('pass');
  expect(unofferedGrantRefused.evaluate(ex(200, { access_token: 'x', token_type: 'Bearer' })).verdict).toBe('fail');
  expect(unofferedGrantUnsupported.evaluate(unsupported).verdict).toBe('pass');
  expect(unofferedGrantUnsupported.evaluate(ex(400, { error: 'unauthorized_client' })).verdict).toBe('fail');
  expect(unofferedGrantUnsupported.evaluate(ex(200, { access_token: 'x' })).verdict).toBe('fail');
});

test('client revocation: works before, refused after', () => {
  expect(clientRevokeKillsTokens.evaluate({ before: ok, after: denied }).verdict).toBe('pass');
  expect(clientRevokeKillsTokens.evaluate({ before: ok, after: ok }).verdict).toBe('fail');
  expect(clientRevokeKillsTokens.evaluate({ before: denied, after: denied })).toMatchObject({ verdict: 'pass', note: expect.stringContaining('refused before') });
});

test('API key: header works, query refused, regeneration replaces the key', () => {
  expect(headerWorks.evaluate(ok).verdict).toBe('pass');
  expect(headerWorks.evaluate(denied).verdict).toBe('fail');
  expect(queryRefused.evaluate(denied).verdict).toBe('pass');
  expect(queryRefused.evaluate(ok).verdict).toBe('fail');
  expect(regeneratedOldRefused.evaluate({ before: ok, after: denied }).verdict).toBe('pass');
  expect(regeneratedOldRefused.evaluate({ before: ok, after: ok }).verdict).toBe('fail');
  expect(regeneratedOldRefused.evaluate({ before: denied, after: denied })).toMatchObject({ verdict: 'pass', note: expect.stringContaining('refused before') });
  expect(regeneratedNewWorks.evaluate({ before: ok, after: ok }).verdict).toBe('pass');
  expect(regeneratedNewWorks.evaluate({ before: ok, after: denied }).verdict).toBe('fail');
});

test('platform sessions: same platform ends the first, another keeps it', () => {
  expect(samePlatformEndsFirst.evaluate({ before: ok, second: ok, after: denied }).verdict).toBe('pass');
  expect(samePlatformEndsFirst.evaluate({ before: ok, second: ok, after: ok }).verdict).toBe('fail');
  expect(samePlatformEndsFirst.evaluate({ before: ok, second: denied, after: denied }).verdict).toBe('fail');
  expect(otherPlatformSurvives.evaluate({ before: ok, second: ok, after: ok }).verdict).toBe('pass');
  expect(otherPlatformSurvives.evaluate({ before: ok, second: ok, after: denied }).verdict).toBe('fail');
});

test('vendor expired-token error: 401 with the documented text', () => {
  const good = ex(401, { error: 'invalid_token', message: 'Invalid Token' });
  expect(expiredTokenVendorError.evaluate({ exchange: good, expected: 'Invalid Token' }).verdict).toBe('pass');
  expect(expiredTokenVendorError.evaluate({ exchange: ex(401, { message: 'Unauthorized' }), expected: 'Invalid Token' }).verdict).toBe('fail');
  expect(expiredTokenVendorError.evaluate({ exchange: ex(200, { message: 'Invalid Token' }), expected: 'Invalid Token' }).verdict).toBe('fail');
});
