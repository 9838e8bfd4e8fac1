// The upgrade gate end to end: conformant vs faithful SuiteCRM 7.14 on the embedded target.
// Three suite runs (conformant, faithful, faithful minus one fault with a baseline) serve every
// assertion; compare and baseline are fast.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { brokenIds, faultDef } from '../../src/target/faults/index.js';
import { validate } from '../../src/schema/validate.js';
import { sarifValidator } from '../unit/reports.js';
import { cleanEnv, cliReports, runCli } from './cli.js';
import { departures, FAITHFUL_FAULTS, inScope, readReport, rowsOf, runSuite } from './gate.js';

const root = cliReports('upgrade-gate');
const dirs = { conformant: path.join(root, 'conformant'), faithful: path.join(root, 'faithful'), fewer: path.join(root, 'fewer') };
const baselineFile = path.join(root, 'baseline.json');
/** A faithful fault whose broken checks no other faithful fault breaks: removing it must make exactly its entries stale. */
const removed = FAITHFUL_FAULTS.find((f) => {
  const others = new Set(FAITHFUL_FAULTS.filter((o) => o !== f).flatMap((o) => brokenIds(faultDef(o)!)));
  return brokenIds(faultDef(f)!).every((id) => inScope(id) && !others.has(id));
})!;
let fewerRun: { code: number | null; stdout: string };

// One worker for the file: its tests share the runs made once in beforeAll. Serial, so that a
// failure does not start a new worker that would make every run again.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(2_400_000);
  // One after the other: in parallel they only compete for the same two cores.
  await runSuite(dirs.conformant);
  await runSuite(dirs.faithful, '--mode', 'faithful');
  const b = await runCli(['baseline', path.join(dirs.faithful, 'conformance.json')]);
  expect(b.code, b.stderr).toBe(0);
  writeFileSync(baselineFile, b.stdout);
  const rest = FAITHFUL_FAULTS.filter((f) => f !== removed);
  fewerRun = await runSuite(dirs.fewer, '--mode', 'conformant', '--fault', rest.join(','), '--baseline', baselineFile);
});

test('compare lists exactly the faithful departures as regressions and exits 1', async () => {
  const summary = path.join(root, 'step-summary.md');
  writeFileSync(summary, '');
  const r = await runCli(['compare', path.join(dirs.conformant, 'conformance.json'), path.join(dirs.faithful, 'conformance.json'), '--reports-dir', path.join(root, 'compare')], {
    env: cleanEnv({ GITHUB_STEP_SUMMARY: summary }),
  });
  expect(r.code, r.stderr).toBe(1);
  expect(rowsOf(r.stdout, 'regression')).toEqual(departures());
  expect(r.stdout).toContain(`FAIL: ${departures().length} regressions, 0 accepted, 0 fixed`);
  const md = readFileSync(path.join(root, 'compare', 'compare.md'), 'utf8');
  expect(readFileSync(summary, 'utf8')).toBe(md);
  for (const id of departures()) expect(md).toContain(`\`${id}\``);
  expect(readFileSync(path.join(root, 'compare', 'compare.html'), 'utf8')).toContain(`Regressions (${departures().length})`);
});

test('with the departures baselined, compare exits 0 and shows each as accepted', async () => {
  const base = JSON.parse(readFileSync(baselineFile, 'utf8')) as { entries: { checkId: string; profile?: string }[] };
  expect(validate('baseline', base)).toEqual({ valid: true });
  expect(base.entries.map((e) => e.checkId).sort()).toEqual(departures());
  const r = await runCli(['compare', path.join(dirs.conformant, 'conformance.json'), path.join(dirs.faithful, 'conformance.json'), '--baseline', baselineFile, '--reports-dir', path.join(root, 'compare-baselined')]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(rowsOf(r.stdout, 'regression')).toEqual([]);
  expect(rowsOf(r.stdout, 'accepted')).toEqual(departures());
  expect(readFileSync(path.join(root, 'compare-baselined', 'compare.html'), 'utf8')).toContain(`Accepted regressions (${departures().length})`);
});

test('run --baseline: accepted failures do not fail the run, and a removed fault makes its entries stale, in every report', async () => {
  const gone = brokenIds(faultDef(removed)!);
  expect(fewerRun.code, fewerRun.stdout).toBe(0);
  const rep = readReport(dirs.fewer);
  expect(validate('conformance-report', rep)).toEqual({ valid: true });
  const state = (s: string) => rep.checks.filter((c) => c.baseline === s).map((c) => c.id).sort();
  expect(state('stale')).toEqual([...gone].sort());
  expect(state('accepted')).toEqual(departures().filter((id) => !gone.includes(id)));
  expect(rep.checks.filter((c) => c.verdict === 'fail').map((c) => c.id).sort()).toEqual(state('accepted'));
  expect(rep.summary).toMatchObject({ accepted: state('accepted').length, stale: gone.length });
  expect(fewerRun.stdout).toContain(`baseline: ${state('accepted').length} failure(s) accepted, ${gone.length} stale`);

  // JUnit and the HTML report carry the state as the `baseline` annotation.
  const junit = readFileSync(path.join(dirs.fewer, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/<property name="baseline" value="accepted: accepted by baseline: known departure: /);
  expect(junit).toMatch(/<property name="baseline" value="stale: baselined .* but passes now: remove the entry"/);
  expect(existsSync(path.join(dirs.fewer, 'html', 'index.html'))).toBe(true);

  // compare against the faithful run: the removed fault's checks are fixes with stale entries.
  const r = await runCli(['compare', path.join(dirs.faithful, 'conformance.json'), path.join(dirs.fewer, 'conformance.json'), '--reports-dir', path.join(root, 'compare-fewer')]);
  expect(r.code).toBe(0);
  expect(rowsOf(r.stdout, 'fix')).toEqual([...gone].sort());
  expect(rowsOf(r.stdout, 'stale')).toEqual([...gone].sort());
});

test('the SARIF log of the faithful run validates and names every failing check with its spec reference', () => {
  const sarif = JSON.parse(readFileSync(path.join(dirs.faithful, 'conformance.sarif'), 'utf8')) as {
    runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; message: { text: string } }[] }[];
  };
  const valid = sarifValidator();
  expect(valid(sarif), JSON.stringify(valid.errors?.slice(0, 3))).toBe(true);
  const rep = readReport(dirs.faithful);
  const failing = rep.checks.filter((c) => c.verdict === 'fail');
  expect(sarif.runs[0]!.results.map((x) => x.ruleId).sort()).toEqual(failing.map((c) => c.id).sort());
  for (const c of failing) {
    const rule = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === c.id)!;
    for (const ref of c.specRefs) expect(rule.help.text).toContain(ref);
    expect(rule.help.text).toContain('https://www.rfc-editor.org/rfc/rfc');
  }
});

test('compare refuses unreadable and schema-invalid input in one line (exit 2)', async () => {
  const bad = path.join(root, 'not-a-report.json');
  writeFileSync(bad, JSON.stringify({ checks: [] }));
  const good = path.join(dirs.conformant, 'conformance.json');
  for (const [args, msg] of [
    [[path.join(root, 'missing.json'), good], /cannot read .*missing\.json: no such file/],
    [[good, bad], /not-a-report\.json is not a crm-conformance report \(schemas\/conformance-report\.schema\.json\): \/: required/],
  ] as const) {
    const r = await runCli(['compare', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
  }
});
