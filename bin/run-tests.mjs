#!/usr/bin/env node
// npm test: type-check, then one Playwright run of the project's own tests (unit, CLI, fault
// matrix), then the fault-matrix verdicts, the mutation of every check, and the canary scan of
// everything under reports/.
// Ends with one plain line "N passed, N failed, N skipped" that sums every test it ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const reports = path.join(root, 'reports');
const selfTest = path.join(reports, 'self-test');
const extraArgs = process.argv.slice(2);
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function record(name, ok, detail = '') {
  if (ok) tally.passed++;
  else {
    tally.failed++;
    failures.push(`${name}${detail ? `: ${detail}` : ''}`);
  }
}

function step(title) {
  process.stdout.write(`\n== ${title}\n`);
}

// 1. Types (Playwright never type-checks).
step('tsc --noEmit');
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: 'inherit', cwd: root });
record('tsc --noEmit', tsc.status === 0);

// 2. Unit tests, CLI tests and the fault matrix in one Playwright invocation.
step('playwright: unit, cli, fault matrix');
rmSync(reports, { recursive: true, force: true });
// The matrix's recorded evidence (for the mutation step) holds canary tokens: outside reports/, removed at the end.
const evidenceDir = mkdtempSync(path.join(os.tmpdir(), 'crm-conformance-evidence-'));
const pw = spawnSync(
  process.execPath,
  [require.resolve('@playwright/test/cli'), 'test', '--config', path.join(root, 'test', 'selftest.config.ts'), ...extraArgs],
  { stdio: 'inherit', cwd: root, env: { ...process.env, CRM_CONFORMANCE_SELFTEST: '1', CRM_SELFTEST_EVIDENCE_DIR: evidenceDir } },
);
const resultsFile = path.join(selfTest, 'results.json');
if (existsSync(resultsFile)) {
  const { stats } = JSON.parse(readFileSync(resultsFile, 'utf8'));
  tally.passed += stats.expected;
  tally.failed += stats.unexpected + stats.flaky;
  tally.skipped += stats.skipped;
  if (stats.unexpected + stats.flaky) failures.push(`${stats.unexpected + stats.flaky} Playwright test(s) failed (see above)`);
} else record('playwright run', false, `no results (exit ${pw.status})`);

// 3. The fault matrix: every target agrees with its declarations (expected failures happened, for
// the declared reason; nothing else failed), and every check is proven by its own failure.
register();
const faultsFile = path.join(selfTest, 'faults.json');
const { ALL_CHECKS } = await import('../src/checks/catalog.ts');
if (!extraArgs.length) {
  step('fault matrix');
  if (!existsSync(faultsFile)) record('fault matrix', false, 'reports/self-test/faults.json missing');
  else {
    const rows = JSON.parse(readFileSync(faultsFile, 'utf8'));
    for (const r of rows) {
      const ok = r.disagreements.length === 0;
      record(`${r.profile} ${r.fault}`, ok, ok ? '' : r.disagreements.map((d) => `${d.check}: ${d.why}`).join(' | '));
    }
    const proven = new Set(rows.flatMap((r) => r.proven));
    const unproven = ALL_CHECKS.map((c) => c.id).filter((id) => !proven.has(id));
    for (const id of unproven) record(`proven by its own failure: ${id}`, false, 'no fault makes this check fail for the reason it declares');
    process.stdout.write(`${rows.length} fault rows, ${rows.filter((r) => !r.disagreements.length).length} agree with their declarations; ${proven.size} of ${ALL_CHECKS.length} checks proven by their own failure\n`);
  }

  // 3b. Mutation: each check's evaluate() replaced by `pass`, re-judged on the recorded evidence.
  step('mutation: every check replaced by pass');
  const { readEvidence } = await import('../src/selftest/evidence.ts');
  const { mutate } = await import('../src/selftest/mutation.ts');
  const m = mutate(ALL_CHECKS, readEvidence(evidenceDir));
  for (const u of m.unstable.slice(0, 10)) process.stdout.write(`  unstable: ${u.check} on ${u.entry}: recorded "${u.recorded}", now "${u.now}"\n`);
  record('recorded evidence re-judged to the same verdicts', m.unstable.length === 0, `${m.unstable.length} of ${m.rejudged} differ`);
  for (const sv of m.survived) record(`mutant of ${sv.check} killed`, false, sv.why);
  // A check that judges through a control must have been seen inconclusive where a fault breaks it.
  const unbroken = m.controlled.filter((c) => !c.undecidedBy.length);
  for (const c of unbroken) record(`control of ${c.check} broken by a fault`, false, 'no fault that breaks its control was seen to leave it inconclusive (declare one in `undecides`)');
  process.stdout.write(`${m.controlled.length} checks judge through a control; ${m.controlled.length - unbroken.length} of them seen inconclusive where a fault breaks the control\n`);
  process.stdout.write(`${m.checks} checks, ${m.killed.length} killed${m.survived.length ? `, ${m.survived.length} survived` : ''}; ${m.rejudged} recorded verdicts re-judged, ${m.unstable.length} unstable\n`);
}
rmSync(evidenceDir, { recursive: true, force: true });

// 4. Canary scan: no canary credential, JWT or refresh token anywhere under reports/.
step('canary scan of reports/');
const { scanForSecrets } = await import('../src/redact/scan.ts');
const leaks = scanForSecrets([reports, path.join(root, 'test-results')]);
for (const l of leaks.slice(0, 10)) process.stdout.write(`  leak: ${l.kind} in ${path.relative(root, l.file)}: ${l.excerpt}\n`);
record('canary scan', leaks.length === 0, `${leaks.length} leak(s)`);

if (failures.length) process.stdout.write(`\nfailures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
process.exit(tally.failed ? 1 : 0);
