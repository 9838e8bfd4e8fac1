// The upgrade gate's judgement and its three renderings; the HTML page is screenshot-tested.
import { expect, test } from '@playwright/test';
import { chromium } from '@playwright/test';
import { classify, compareReports, type Comparison } from '../../src/compare/compare.js';
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
  expect(byKind('still-failing')).toEqual(['oauth2.revocation.logout-revokes-access-token']);
  expect(c.exitCode).toBe(1);
  expect(renderConsole(c)).toContain('FAIL: 2 regressions, 0 accepted, 1 fixed, 1 new, 1 removed, 1 changed skip, 0 stale baseline entries');
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
    await expect(page.locator('section h2')).toHaveText(['Regressions (1)', 'Accepted regressions (1)', 'Fixed (1)', 'New checks (1)', 'Removed checks (1)', 'Changed skips (1)', 'Still failing (1)', 'Stale baseline entries (1)']);
    // nothing overflows sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expect(page).toHaveScreenshot('compare.png', { fullPage: true, maxDiffPixelRatio: 0.01 });
  } finally {
    await browser.close();
  }
});
