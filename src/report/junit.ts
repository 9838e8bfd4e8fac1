// JUnit XML from the verdicts (not from Playwright's test statuses): fail → <failure>, error →
// <error> with what to fix, skip → <skipped>, inconclusive → <skipped> whose message says so (JUnit
// has no "could not decide"; it must not read as a pass). Every check carries its verdict, severity,
// keyword and spec references as properties.
import type { CheckResult, ConformanceReport } from './model.js';

const esc = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const secs = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

function outcome(c: CheckResult): string {
  const why = c.reason ?? '';
  switch (c.verdict) {
    case 'fail':
      return `<failure type="${c.severity}" message="${esc(why)}">${esc(`${why}\n${c.specRefs.join(', ')}`)}</failure>`;
    case 'error':
      return `<error type="harness" message="${esc(why)}">${esc(`${why}${c.fix ? `\nfix: ${c.fix}` : ''}`)}</error>`;
    case 'inconclusive':
      return `<skipped message="${esc(`inconclusive: ${why}`)}"/>`;
    case 'skip':
      return `<skipped message="${esc(`${c.notApplicable ? 'not applicable' : 'skipped'}: ${why}`)}"/>`;
    default:
      return '';
  }
}

function testcase(c: CheckResult): string {
  const props = [
    ['verdict', c.verdict],
    ['severity', c.severity],
    ...(c.keyword ? [['keyword', c.keyword]] : []),
    ...c.specRefs.map((r) => ['spec', r]),
    ...(c.baseline ? [['baseline', `${c.baseline}: ${c.baselineNote ?? ''}`]] : []),
    ...(c.notes ?? []).map((n) => ['note', n]),
  ];
  const classname = c.id.split('.').slice(0, -1).join('.');
  return (
    `    <testcase classname="${esc(classname)}" name="${esc(`${c.id}: ${c.title}`)}" time="${secs(c.durationMs)}">\n` +
    `      <properties>${props.map(([k, v]) => `<property name="${k}" value="${esc(v!)}"/>`).join('')}</properties>\n` +
    (outcome(c) ? `      ${outcome(c)}\n` : '') +
    '    </testcase>'
  );
}

export function toJunit(report: ConformanceReport): string {
  const areas = [...new Set(report.checks.map((c) => c.area))];
  const count = (cs: readonly CheckResult[]) => ({
    tests: cs.length,
    failures: cs.filter((c) => c.verdict === 'fail').length,
    errors: cs.filter((c) => c.verdict === 'error').length,
    skipped: cs.filter((c) => c.verdict === 'skip' || c.verdict === 'inconclusive').length,
    time: secs(cs.reduce((t, c) => t + (c.durationMs ?? 0), 0)),
  });
  const attrs = (o: ReturnType<typeof count>) => `tests="${o.tests}" failures="${o.failures}" errors="${o.errors}" skipped="${o.skipped}" time="${o.time}"`;
  const suites = areas.map((area) => {
    const cs = report.checks.filter((c) => c.area === area);
    return `  <testsuite name="${esc(area)}" timestamp="${report.startedAt}" hostname="${esc(report.target.baseUrl)}" ${attrs(count(cs))}>\n${cs.map(testcase).join('\n')}\n  </testsuite>`;
  });
  const name = `crm-conformance ${report.target.profile} (${report.target.kind}${report.target.mode ? ` ${report.target.mode}` : ''})`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${esc(name)}" ${attrs(count(report.checks))}>\n${suites.join('\n')}\n</testsuites>\n`;
}
