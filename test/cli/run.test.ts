// The main job end to end: the default run passes, faithful SuiteCRM fails exactly its departures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadProfile } from '../../src/profile/profile.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { validate } from '../../src/schema/validate.js';
import { brokenIds, faultDef } from '../../src/target/faults/index.js';
import { cliReports, runCli } from './cli.js';

function report(dir: string): ConformanceReport {
  return JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
}

test('`run` with nothing configured passes every check on the embedded target', async () => {
  const dir = cliReports('default');
  test.setTimeout(420_000);
  const r = await runCli(['run', '--reports-dir', dir], { timeoutMs: 360_000 });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('target: embedded reference target');
  const rep = report(dir);
  expect(validate('conformance-report', rep)).toEqual({ valid: true });
  expect(rep.summary.total).toBeGreaterThanOrEqual(40);
  expect(rep.summary.failed).toBe(0);
  expect(rep.checks.filter((c) => c.verdict === 'skip' && !c.notApplicable).map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
  for (const c of rep.checks) expect(c.specRefs.length, c.id).toBeGreaterThan(0);
  const junit = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
  expect(junit).toContain('RFC 6749 §5.1');
  expect(junit).toMatch(/severity/);
});

test('`run --mode faithful` exits 1 with exactly SuiteCRM 7.14\'s observed departures failing', async () => {
  const dir = cliReports('faithful');
  // ~40 failing checks, and Playwright starts a new worker after each failure: allow minutes.
  test.setTimeout(600_000);
  const r = await runCli(['run', '--mode', 'faithful', '--reports-dir', dir], { timeoutMs: 540_000 });
  expect(r.code, r.stderr).toBe(1);
  const profile = loadProfile('suitecrm-7.14');
  const expected = [...new Set(profile.faithful!.faults.flatMap((f) => brokenIds(faultDef(f)!)))].sort();
  const failed = report(dir).checks.filter((c) => c.verdict === 'fail').map((c) => c.id).sort();
  expect(failed).toEqual(expected);
});
