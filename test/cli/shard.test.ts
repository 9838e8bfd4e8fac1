// Sharding: `run --shard i/3` three times, `merge` of the three outputs, and the merged report
// equals an unsharded run of the same target check by check (embedded target, faithful mode, so
// failures and passes both travel). Each shard starts its own embedded targets.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { validate } from '../../src/schema/validate.js';
import { sarifValidator } from '../unit/reports.js';
import { cliReports, runCli, type CliResult } from './cli.js';
import { readReport, runSuite, verdicts } from './gate.js';

const root = cliReports('shard');
const whole = path.join(root, 'unsharded');
const parts = path.join(root, 'parts');
const merged = path.join(root, 'merged');
let shardRuns: CliResult[] = [];
let mergeRun: CliResult;

// One worker for the file: its tests share the runs made once in beforeAll. Serial, so that a
// failure does not start a new worker that would make every run again.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(2_400_000);
  await runSuite(whole, '--mode', 'faithful');
  for (const i of [1, 2, 3]) shardRuns.push(await runSuite(path.join(parts, `shard-${i}`), '--mode', 'faithful', '--shard', `${i}/3`));
  mergeRun = await runCli(['merge', parts, '--reports-dir', merged], { timeoutMs: 180_000 });
});

test('each shard runs a disjoint part and leaves its own complete reports', () => {
  const ids = [1, 2, 3].map((i) => readReport(path.join(parts, `shard-${i}`)).checks.map((c) => c.id));
  for (const [i, list] of ids.entries()) {
    expect(list.length, `shard ${i + 1}`).toBeGreaterThan(0);
    expect(existsSync(path.join(parts, `shard-${i + 1}`, 'html', 'index.html'))).toBe(true);
    expect(shardRuns[i]!.stdout).toContain(`shard ${i + 1}/3`);
  }
  expect(new Set(ids.flat()).size).toBe(ids.flat().length);
});

test('merge of 3 shards equals the unsharded run check by check, with HTML, JUnit and SARIF', () => {
  expect(mergeRun.code, mergeRun.stderr).toBe(1);
  expect(mergeRun.stdout).toContain('merged 3 part(s)');
  const m = readReport(merged);
  const w = readReport(whole);
  expect(validate('conformance-report', m)).toEqual({ valid: true });
  expect(verdicts(m)).toEqual(verdicts(w));
  expect(m.summary).toEqual(w.summary);
  expect(m.target).toEqual(w.target);
  for (const c of m.checks) expect(c.reason, c.id).toBe(w.checks.find((x) => x.id === c.id)!.reason);
  expect(readFileSync(path.join(merged, 'html', 'index.html'), 'utf8')).toContain(`<b>${w.summary.failed}</b> failed`);

  expect(sarifValidator()(JSON.parse(readFileSync(path.join(merged, 'conformance.sarif'), 'utf8')))).toBe(true);
  expect(existsSync(path.join(merged, 'html', 'index.html'))).toBe(true);
  const junit = readFileSync(path.join(merged, 'junit.xml'), 'utf8');
  expect(junit.match(/<testcase /g)?.length).toBe(w.summary.total);
  // JUnit is written from the verdicts: a failed check is a <failure>, one that could not gather evidence an <error>.
  expect(junit.match(/<failure /g)?.length).toBe(w.summary.failed);
  expect(junit.match(/<error /g)?.length ?? 0).toBe(w.summary.errors ?? 0);
  // Each part's evidence files travel into the merged report, where its HTML links them.
  const withFiles = m.checks.filter((c) => c.attachments?.length);
  expect(withFiles.length).toBeGreaterThan(0);
  for (const c of withFiles) for (const a of c.attachments!) expect(existsSync(path.join(merged, a.path)), a.path).toBe(true);
});

test('merge refuses a folder without reports, and shards of different runs', async () => {
  const empty = await runCli(['merge', path.join(root, 'unsharded', 'html')]);
  expect(empty.code).toBe(2);
  expect(empty.stderr).toMatch(/nothing to merge: no conformance\.json found/);
  const mixed = await runCli(['merge', root, '--reports-dir', path.join(root, 'mixed')]);
  expect(mixed.code).toBe(2);
  expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
  expect(mixed.stderr).toMatch(/is in both .* the parts overlap/);
});
