#!/usr/bin/env node
// npm test: type-check, then one Playwright run of the project's own tests (unit, CLI, fault
// matrix), then the fault-matrix verdicts and the canary scan of everything under reports/.
// Ends with one plain line "N passed, N failed, N skipped" that sums every test it ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
const pw = spawnSync(
  process.execPath,
  [require.resolve('@playwright/test/cli'), 'test', '--config', path.join(root, 'test', 'selftest.config.ts'), ...extraArgs],
  { stdio: 'inherit', cwd: root, env: { ...process.env, CRM_CONFORMANCE_SELFTEST: '1' } },
);
const resultsFile = path.join(selfTest, 'results.json');
if (existsSync(resultsFile)) {
  const { stats } = JSON.parse(readFileSync(resultsFile, 'utf8'));
  tally.passed += stats.expected;
  tally.failed += stats.unexpected + stats.flaky;
  tally.skipped += stats.skipped;
  if (stats.unexpected + stats.flaky) failures.push(`${stats.unexpected + stats.flaky} Playwright test(s) failed (see above)`);
} else record('playwright run', false, `no results (exit ${pw.status})`);

// 3. The fault matrix: every fault detected, no collateral, no expected check skipped.
register();
const faultsFile = path.join(selfTest, 'faults.json');
if (!extraArgs.length) {
  step('fault matrix');
  if (!existsSync(faultsFile)) record('fault matrix', false, 'reports/self-test/faults.json missing');
  else {
    const rows = JSON.parse(readFileSync(faultsFile, 'utf8'));
    for (const r of rows) {
      const ok = (r.detected || r.notApplicable === true) && r.collateral.length === 0;
      record(`${r.profile ?? ''} ${r.fault}`, ok, ok ? '' : `detected=${r.detected} collateral=[${r.collateral}] skipped=[${r.skipped ?? []}]`);
    }
    const { ALL_CHECKS } = await import('../src/checks/catalog.ts');
    const covered = new Set(rows.filter((r) => r.detected && r.expectedChecks.length).flatMap((r) => r.expectedChecks));
    const uncovered = ALL_CHECKS.map((c) => c.id).filter((id) => !covered.has(id));
    record('every check is proven by a fault', uncovered.length === 0, uncovered.join(', '));
    process.stdout.write(`${rows.length} fault rows, ${rows.filter((r) => r.detected && !r.collateral.length).length} clean\n`);
  }
}

// 4. Canary scan: no canary credential, JWT or refresh token anywhere under reports/.
step('canary scan of reports/');
const { scanForSecrets } = await import('../src/redact/scan.ts');
const leaks = scanForSecrets([reports, path.join(root, 'test-results')]);
for (const l of leaks.slice(0, 10)) process.stdout.write(`  leak: ${l.kind} in ${path.relative(root, l.file)}: ${l.excerpt}\n`);
record('canary scan', leaks.length === 0, `${leaks.length} leak(s)`);

if (failures.length) process.stdout.write(`\nfailures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
process.exit(tally.failed ? 1 : 0);
