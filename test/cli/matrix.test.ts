// `crm-conformance matrix` and profile input: bad names and files exit 2 with the reason, a URL
// without SuiteCRM 8's /legacy is recognised, and the matrix page renders in a real browser.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumExecutable, launchOptions, NO_BROWSER_REASON } from '../../src/browser/chromium.js';
import { ALL_CHECKS } from '../../src/checks/catalog.js';
import type { Matrix } from '../../src/matrix/model.js';
import { cliReports, credentialsFile, runCli, startServe } from './cli.js';

const lastLine = (s: string) => s.trim().split('\n').pop() ?? '';

test('matrix: an unknown profile name exits 2 and names the known ones', async () => {
  const r = await runCli(['matrix', '--profiles', 'suitecrm-7.14,suitecrm-6', '--reports-dir', cliReports('matrix-unknown')]);
  expect(r.code).toBe(2);
  expect(lastLine(r.stderr)).toMatch(/unknown profile "suitecrm-6"; known profiles: .*sugarcrm-11/);
});

test('a profile file that fails the schema exits 2 with the schema path (run and matrix)', async () => {
  const dir = cliReports('matrix-bad-profile');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'mine.json');
  writeFileSync(file, JSON.stringify({ name: 'mine', extends: 'generic-oauth2', tokenPresentation: { header: 'Authorization', scheme: 'Bearer', where: 'query' } }));
  for (const args of [['run', '--profile', file], ['matrix', '--profiles', file, '--reports-dir', dir]]) {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(2);
    expect(lastLine(r.stderr)).toMatch(/does not match schemas\/profile\.schema\.json: \/tokenPresentation.*where/);
  }
});

test('preflight: a SuiteCRM 8 URL tested as SuiteCRM 7 names the suitecrm-8 profile', async () => {
  const served = await startServe(['--profile', 'suitecrm-8'], credentialsFile());
  try {
    const r = await runCli(['run', '--base-url', served.url, '--profile', 'suitecrm-7.14', '--reports-dir', cliReports('matrix-prefix')]);
    expect(r.code, r.stderr).toBe(2);
    expect(lastLine(r.stderr)).toMatch(/does not speak the suitecrm-7\.14 dialect: .* answers at \/legacy\/Api\/access_token: use --profile suitecrm-8/);
  } finally {
    await served.stop();
  }
});

test('matrix over two embedded dialects writes matrix.json and a static matrix.html that renders', async ({}, testInfo) => {
  // Two whole runs (each its own Playwright process): minutes on a loaded machine.
  test.setTimeout(600_000);
  const dir = cliReports('matrix-run');
  const r = await runCli(['matrix', '--profiles', 'flexie,suitecrm-entrypoint', '--reports-dir', dir, '--parallel', '2'], { timeoutMs: 560_000 });
  expect(r.code, r.stderr).toBe(0);
  const m = JSON.parse(readFileSync(path.join(dir, 'matrix.json'), 'utf8')) as Matrix;
  expect(m.columns.map((c) => c.profile)).toEqual(['flexie', 'suitecrm-entrypoint']);
  expect(m.rows).toHaveLength(ALL_CHECKS.length);
  const cell = (id: string, p: string) => m.rows.find((row) => row.id === id)!.cells[p]!;
  expect(cell('apikey.regenerated-old-refused', 'flexie').verdict).toBe('pass');
  expect(cell('apikey.header-works', 'suitecrm-entrypoint')).toEqual({ verdict: 'n/a', reason: 'profile suitecrm-entrypoint documents no API key' });
  expect(cell('oauth2.errors.unoffered-grant-unsupported', 'suitecrm-entrypoint').verdict).toBe('pass');
  const html = path.join(dir, 'matrix.html');
  expect(existsSync(html)).toBe(true);

  test.skip(!chromiumExecutable(), NO_BROWSER_REASON);
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${html}`);
    // One summary row per profile above the per-check table.
    await expect(page.locator('table.summary tbody tr')).toHaveCount(2);
    await expect(page.locator('table.summary tbody tr').first()).toContainText('flexie');
    await expect(page.locator('table:not(.summary) thead th')).toHaveCount(5);
    await expect(page.locator('tr.area th', { hasText: /^apikey$/ })).toHaveCount(1);
    await expect(page.locator('td.cell.pass').first()).toBeVisible();
    const shot = path.join(dir, 'matrix.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach('matrix.png', { path: shot, contentType: 'image/png' });
  } finally {
    await browser.close();
  }
});
