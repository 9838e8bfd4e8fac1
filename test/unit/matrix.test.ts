// The compatibility matrix model and its static HTML.
import { expect, test } from '@playwright/test';
import { renderMatrixHtml } from '../../src/matrix/html.js';
import { buildMatrix, type MatrixColumn } from '../../src/matrix/model.js';
import type { ConformanceReport, Verdict } from '../../src/report/model.js';

const checks = [
  { id: 'oauth2.errors.a', title: 'A', severity: 'must' as const, specRefs: ['RFC 6749 §5.2'] },
  { id: 'bearer.b', title: 'B <b>', severity: 'should' as const, specRefs: ['RFC 6750 §2.3'] },
];
const col = (profile: string, extra: Partial<MatrixColumn> = {}): MatrixColumn => ({ profile, vendor: 'V', versions: '1', mode: 'conformant', target: 'embedded', exitCode: 0, ...extra });
const report = (checksOut: ConformanceReport['checks']): ConformanceReport => ({
  tool: { name: 'crm-conformance', version: '0' },
  target: { kind: 'embedded', baseUrl: 'http://127.0.0.1:1', profile: 'p' },
  startedAt: '',
  durationMs: 0,
  summary: { total: 2, passed: 1, failed: 0, skipped: 1 },
  checks: checksOut,
});
const result = (id: string, verdict: Verdict, reason?: string, notApplicable?: boolean) => ({
  id,
  title: '',
  area: '',
  specRefs: [],
  severity: 'must' as const,
  verdict,
  ...(reason ? { reason } : {}),
  ...(notApplicable ? { notApplicable } : {}),
});

test('skips the profile declares (n/a) are n/a, set-up skips are skips, inconclusive and error keep their verdicts', () => {
  const m = buildMatrix(checks, [
    { column: col('p1'), report: report([result('oauth2.errors.a', 'skip', 'set CRM_API_KEY (the API key of the test user) to run API-key checks'), result('bearer.b', 'skip', 'profile p1 does not offer the password grant', true)]) },
    { column: col('p2'), report: report([result('oauth2.errors.a', 'inconclusive', 'the control was refused too'), result('bearer.b', 'error', 'could not obtain tokens')]) },
  ]);
  expect(m.rows.map((r) => [r.cells.p1!.verdict, r.cells.p2!.verdict])).toEqual([['n/a', 'error'], ['skip', 'inconclusive']]);
  expect(renderMatrixHtml(m)).toContain('<td class="cell inconclusive"');
});

test('rows are grouped by area, cells carry verdict and reason, a failed run leaves a reason', () => {
  const m = buildMatrix(checks, [
    { column: col('p1'), report: report([result('oauth2.errors.a', 'pass'), result('bearer.b', 'skip', 'profile p1 does not offer the password grant', true)]) },
    { column: col('p2', { exitCode: 2, error: 'unknown profile' }) },
  ]);
  expect(m.rows.map((r) => r.id)).toEqual(['bearer.b', 'oauth2.errors.a']);
  expect(m.rows[1]!.cells.p1).toEqual({ verdict: 'pass' });
  expect(m.rows[0]!.cells.p1!.verdict).toBe('n/a');
  expect(m.rows[0]!.cells.p2).toEqual({ verdict: 'skip', reason: 'the run could not be made: unknown profile' });
});

test('the HTML is one static page with reasons on hover and escaped text', () => {
  const m = buildMatrix(checks, [{ column: col('p1'), report: report([result('oauth2.errors.a', 'fail', 'got "500" <html>'), result('bearer.b', 'pass')]) }]);
  const html = renderMatrixHtml(m);
  expect(html).toContain('title="got &quot;500&quot; &lt;html&gt;"');
  expect(html).toContain('B &lt;b&gt;');
  expect(html).not.toMatch(/<script|<link|https?:\/\/(?!127)/);
  expect(html).toContain('<tr class="area"><th colspan="4">bearer</th></tr>');
});
