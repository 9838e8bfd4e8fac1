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
  expect(html).not.toMatch(/<script|<link/);
  // The only outside links are spec sections (rfc-editor.org anchors).
  for (const [url] of html.matchAll(/https?:\/\/[^"<]+/g)) expect(url).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/);
  expect(html).toContain('<a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>');
  expect(html).toContain('<tr class="area"><th colspan="4">bearer</th></tr>');
});

test('the page opens with one summary row per profile: pass / fail / skip / n/a counts, then inconclusive / error once a run has them', () => {
  const runs = [
    { column: col('p1'), report: report([result('oauth2.errors.a', 'fail', 'x'), { ...result('bearer.b', 'skip', 'profile p1 does not offer the password grant'), notApplicable: true }]) },
    { column: col('p2'), report: report([result('oauth2.errors.a', 'pass'), result('bearer.b', 'skip', 'set CRM_API_KEY')]) },
  ];
  const html = renderMatrixHtml(buildMatrix(checks, runs));
  const summary = html.slice(html.indexOf('<table class="summary">'), html.indexOf('</table>') + 8);
  expect(html.indexOf('<table class="summary">')).toBeLessThan(html.indexOf('<th>check</th>'));
  const row = (p: string) => [...(new RegExp(`<tr><th><a href="#col-${p}">${p}</a></th>(.*?)</tr>`).exec(summary)?.[1] ?? '').matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]));
  expect(row('p1')).toEqual([0, 1, 0, 1]); // pass, fail, skip, n/a
  expect(row('p2')).toEqual([1, 0, 1, 0]);
  expect(summary).not.toContain('inconclusive');
  const later = buildMatrix(checks, [{ column: col('p3'), report: report([{ ...result('oauth2.errors.a', 'pass'), verdict: 'inconclusive' as never }, { ...result('bearer.b', 'pass'), verdict: 'error' as never }]) }]);
  const withNew = renderMatrixHtml(later);
  expect(withNew).toContain('? inconclusive');
  const p3 = [...(/<tr><th><a href="#col-p3">p3<\/a><\/th>(.*?)<\/tr>/.exec(withNew)?.[1] ?? '').matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]));
  expect(p3).toEqual([0, 0, 0, 0, 1, 1]);
});
