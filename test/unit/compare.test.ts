// The upgrade gate's judgement and its three renderings; the HTML page is screenshot-tested.
import { expect, test } from '@playwright/test';
import { chromium } from '@playwright/test';
import { classify, compareReports, type Comparison } from '../../src/compare/compare.js';
import { sameSubstance, substanceOf } from '../../src/compare/substance.js';
import { renderConsole, renderHtml, renderMarkdown } from '../../src/compare/render.js';
import { chromiumExecutable, launchOptions, NO_BROWSER_REASON } from '../../src/browser/chromium.js';
import { applyBaseline } from '../../src/report/baseline.js';
import { check, report } from './reports.js';

test('classify: every before/after pair lands in one kind', () => {
  expect(classify('pass', 'fail')).toBe('regression');
  expect(classify('pass', 'fail', 'accepted')).toBe('accepted');
  expect(classify('fail', 'pass')).toBe('fix');
  expect(classify(undefined, 'fail')).toBe('new');
  expect(classify('pass', undefined)).toBe('removed');
  expect(classify('skip', 'fail')).toBe('skip-changed');
  expect(classify('pass', 'skip')).toBe('skip-changed');
  expect(classify('fail', 'fail')).toBe('still-failing');
  expect(classify('fail', 'fail', undefined, false)).toBe('failing-differently');
  expect(classify('pass', 'pass')).toBe('unchanged');
  expect(classify('skip', 'skip')).toBe('unchanged');
});

const before = report([
  check('bearer.invalid-token-401', 'pass'),
  check('bearer.missing-token-challenge', 'pass'),
  check('oauth2.errors.no-server-error', 'fail', { reason: 'HTTP 500 for client_id[]=x | piped' }),
  check('oauth2.refresh.reuse-rejected', 'pass'),
  check('oauth2.refresh.rotation', 'pass'),
  check('oauth2.jwt.signature', 'skip', { reason: 'set CRM_JWT_PUBLIC_KEY' }),
  check('oauth2.revocation.logout-revokes-access-token', 'fail'),
  check('jsonapi.crud.delete', 'fail', { reason: 'read after delete: expected HTTP 404, got HTTP 400 application/vnd.api+json (error document)' }),
  check('jsonapi.pagination.walk', 'fail', { reason: '3 of 64 records were never reached by following next (2 pages) at http://127.0.0.1:41234/Api' }),
]);
const after = report(
  [
    check('bearer.invalid-token-401', 'pass'),
    check('bearer.missing-token-challenge', 'fail', { reason: 'HTTP 401 without a WWW-Authenticate header' }),
    check('oauth2.errors.no-server-error', 'pass'),
    check('oauth2.refresh.reuse-rejected', 'fail', { reason: 'reused refresh token: HTTP 401 error=invalid_client <b>', specRefs: ['RFC 6749 §10.4', 'RFC 9700 §4.14.2'] }),
    check('oauth2.jwt.signature', 'pass'),
    check('oauth2.revocation.logout-revokes-access-token', 'fail'),
    check('oauth2.refresh.cross-client-rejected', 'fail', { severity: 'should' }),
    // a worse failure inside a check that already failed
    check('jsonapi.crud.delete', 'fail', { reason: 'the deleted record can still be read: HTTP 200 application/vnd.api+json (data document)' }),
    // the same failure: only counts and the target's port differ
    check('jsonapi.pagination.walk', 'fail', { reason: '5 of 65 records were never reached by following next (3 pages) at http://127.0.0.1:50111/Api' }),
  ],
  { mode: 'faithful' },
  '2026-01-02T09:30:00.000Z',
);

function gate(baselined: boolean): Comparison {
  const a = baselined
    ? applyBaseline(after, { entries: [{ checkId: 'bearer.missing-token-challenge', reason: 'SuiteCRM 7.14 sends no challenge', expires: '2026-06-30' }, { checkId: 'oauth2.errors.no-server-error', reason: 'fixed upstream?' }] }, '2026-01-02')
    : after;
  return compareReports({ file: 'before/conformance.json', report: before }, { file: 'after/conformance.json', report: a });
}

test('compareReports lists regressions, fixes, new, removed and changed skips; a regression fails the gate', () => {
  const c = gate(false);
  const byKind = (k: string) => c.changes.filter((x) => x.kind === k).map((x) => x.id);
  expect(byKind('regression')).toEqual(['bearer.missing-token-challenge', 'oauth2.refresh.reuse-rejected']);
  expect(byKind('fix')).toEqual(['oauth2.errors.no-server-error']);
  expect(byKind('new')).toEqual(['oauth2.refresh.cross-client-rejected']);
  expect(byKind('removed')).toEqual(['oauth2.refresh.rotation']);
  expect(byKind('skip-changed')).toEqual(['oauth2.jwt.signature']);
  expect(byKind('still-failing')).toEqual(['jsonapi.pagination.walk', 'oauth2.revocation.logout-revokes-access-token']);
  expect(byKind('failing-differently')).toEqual(['jsonapi.crud.delete']);
  expect(c.exitCode).toBe(1);
  expect(renderConsole(c)).toContain('FAIL: 2 regressions, 0 accepted, 1 fixed, 1 failing differently, 1 new, 1 removed, 1 changed skip, 0 stale baseline entries');
});

test('still failing, differently: both reasons in every view; it does not fail the gate by itself', () => {
  const b = report([check('jsonapi.crud.delete', 'fail', { reason: 'read after delete: expected HTTP 404, got HTTP 400' })]);
  const a = report([check('jsonapi.crud.delete', 'fail', { reason: 'the deleted record can still be read: HTTP 200' })]);
  const c = compareReports({ file: 'b', report: b }, { file: 'a', report: a });
  expect(c.changes[0]).toMatchObject({ kind: 'failing-differently', beforeReason: 'read after delete: expected HTTP 404, got HTTP 400', reason: 'the deleted record can still be read: HTTP 200' });
  expect(c.exitCode).toBe(0);
  const line = renderConsole(c).split('\n').find((l) => l.startsWith('failing-differently'));
  expect(line).toContain('before: read after delete: expected HTTP 404, got HTTP 400 — now: the deleted record can still be read: HTTP 200');
  expect(renderMarkdown(c)).toContain('### Still failing, differently (1)');
  expect(renderMarkdown(c)).toContain('before: read after delete: expected HTTP 404, got HTTP 400 — now: the deleted record can still be read: HTTP 200');
  expect(renderHtml(c)).toContain('<section id="failing-differently"><h2>Still failing, differently (1)</h2>');
  expect(renderHtml(c)).toContain('<li><b>1</b> failing differently</li>');
});

test('substance: ids, markers, hosts and counts aside; statuses, codes and wording count', () => {
  const same = (x: string, y: string) => expect(sameSubstance(x, y), `${x} ~ ${y}`).toBe(true);
  const differ = (x: string, y: string) => expect(sameSubstance(x, y), `${x} ≁ ${y}`).toBe(false);
  same('record 0c9a0b5e-1d6a-4c5e-9d7a-2f1e3b4c5d6e not found', 'record 7f00aa11-0000-4c5e-9d7a-aaaaaaaaaaaa not found');
  same('jti 3f2a9c81d0e4 reused', 'jti 77bb0011aa99 reused');
  same('"crmc-1a2b3c4d sort ab12cd b" before "crmc-1a2b3c4d sort ab12cd a"', '"crmc-99ffee00 sort 0f0f0f b" before "crmc-99ffee00 sort 0f0f0f a"');
  same('links.next of http://127.0.0.1:41234/Api/V8 is not reachable', 'links.next of http://127.0.0.1:50111/Api/V8 is not reachable');
  same('exp − iat is 3599.99 s', 'exp − iat is 3600.01 s');
  same('a  b', 'a b');
  differ('expected HTTP 404, got HTTP 400', 'expected HTTP 404, got HTTP 500');
  differ('expected HTTP 200 or 204, got HTTP 201', 'expected HTTP 200 or 202, got HTTP 201');
  differ('error=invalid_grant', 'error=invalid_request');
  differ('HTTP 401 error=invalid_request ("Token has been revoked")', 'HTTP 401 error=invalid_request ("Cannot decrypt the refresh token")');
  expect(substanceOf('expected HTTP 404 or 400, got HTTP 500 after 12 records')).toBe('expected HTTP 404 or 400, got HTTP 500 after # records');
  expect(sameSubstance(undefined, undefined)).toBe(true);
});

test('a baselined regression is accepted, and a baselined check that passes now is stale', () => {
  const c = gate(true);
  expect(c.changes.filter((x) => x.kind === 'accepted').map((x) => x.id)).toEqual(['bearer.missing-token-challenge']);
  expect(c.stale.map((x) => x.id)).toEqual(['oauth2.errors.no-server-error']);
  expect(c.counts.regression).toBe(1);
  const md = renderMarkdown(c);
  expect(md).toContain('### Accepted regressions (1)');
  expect(md).toContain('accepted by baseline: SuiteCRM 7.14 sends no challenge (until 2026-06-30)');
  expect(md).toContain('### Stale baseline entries (1)');
  // table cells survive pipes and markup; spec references link out
  expect(renderMarkdown(gate(false))).toContain('HTTP 500 for client_id[]=x \\| piped');
  expect(md).toContain('error=invalid_client &lt;b>');
  expect(md).toContain('[RFC 9700 §4.14.2](https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2)');
});

test('no regression: the gate passes', () => {
  const passing = report([check('bearer.invalid-token-401', 'pass')]);
  const c = compareReports({ file: 'a', report: passing }, { file: 'b', report: passing });
  expect(c.exitCode).toBe(0);
  expect(renderConsole(c)).toContain('no differences');
  expect(renderHtml(c)).toContain('No differences.');
});

test('compare.html is a clean static page (screenshot in Chromium)', async () => {
  test.skip(!chromiumExecutable(), NO_BROWSER_REASON);
  const html = renderHtml(gate(true));
  expect(html).not.toMatch(/<script|<img|<link|@import|url\(/i);
  expect(html).toContain('&#60;b&#62;'); // reasons are escaped
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.setContent(html);
    await expect(page.locator('.badge')).toHaveText('FAIL');
    await expect(page.locator('section h2')).toHaveText([
      'Regressions (1)',
      'Accepted regressions (1)',
      'Still failing, differently (1)',
      'Fixed (1)',
      'New checks (1)',
      'Removed checks (1)',
      'Changed skips (1)',
      'Still failing (2)',
      'Stale baseline entries (1)',
    ]);
    // nothing overflows sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expect(page).toHaveScreenshot('compare.png', { fullPage: true, maxDiffPixelRatio: 0.01 });
  } finally {
    await browser.close();
  }
});
