// The project's own test suite (npm test): unit tests, CLI tests, and the fault matrix, i.e. the
// conformance suite against the conformant target (all pass), against each fault on its own (its
// declared checks fail, nothing else) and against each profile's faithful mode (exactly the
// declared departures fail). One Playwright invocation; each project starts its own targets.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { defineConfig, type Project } from '@playwright/test';
import type { RunOptions } from '../fixtures/index.js';
import type { RunSpec } from '../src/config/run-spec.js';
import { DEFAULT_REPORTS_DIR } from '../src/paths.js';
import { loadProfile } from '../src/profile/profile.js';
import { faultDef, faultsFor } from '../src/target/faults/index.js';
import type { ProjectMeta } from '../src/report/conformance-reporter.js';

const reports = path.join(DEFAULT_REPORTS_DIR, 'self-test');
/** Profiles whose embedded dialect the matrix covers. */
const MATRIX_PROFILES = (process.env.CRM_SELFTEST_PROFILES ?? 'suitecrm-7.14').split(',');
/** Only a named fault (debugging): CRM_SELFTEST_FAULT=name. */
const ONLY_FAULT = process.env.CRM_SELFTEST_FAULT;

function targetProject(name: string, profile: string, mode: 'conformant' | 'faithful', faults: string[], expected: string[]): Project<object, RunOptions> {
  const runSpec: RunSpec = {
    profile,
    target: { kind: 'embedded', mode, faults },
    // Long enough for a 2 s access / 4 s refresh lifetime, short enough that a
    // never-expiring token costs little.
    maxWaitSeconds: 6,
    reportsDir: reports,
  };
  const meta: ProjectMeta = { selfTest: { name, ...(faults[0] ? { fault: faults[0] } : {}), expected } };
  // One worker per target: its expiry session is shared by the expiry checks, and targets stay few.
  return { name, testDir: '../specs', testMatch: '**/*.spec.ts', workers: 1, use: { runSpec, expectFailures: expected }, metadata: meta };
}

const matrix: Project<object, RunOptions>[] = [];
for (const profileName of MATRIX_PROFILES) {
  const profile = loadProfile(profileName);
  const faithful = profile.faithful?.faults ?? [];
  if (!ONLY_FAULT) {
    matrix.push(targetProject(`${profileName}:conformant`, profileName, 'conformant', [], []));
    const departures = [...new Set(faithful.flatMap((f) => faultDef(f)?.breaks ?? []))];
    matrix.push(targetProject(`${profileName}:faithful`, profileName, 'faithful', [], departures));
  }
  for (const f of faultsFor(profile.dialect)) {
    if (ONLY_FAULT && f.name !== ONLY_FAULT) continue;
    matrix.push(targetProject(`${profileName}:fault:${f.name}`, profileName, 'conformant', [f.name], [...f.breaks]));
  }
}

// One marker per run for the records the suite creates; workers inherit it from the runner.
process.env.CRM_RUN_MARKER ??= `crmc-${randomBytes(4).toString('hex')}`;

export default defineConfig<object, RunOptions>({
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Expiry checks wait on the clock, not the CPU: more workers than cores overlap those waits.
  workers: Number(process.env.CRM_SELFTEST_WORKERS ?? 8),
  timeout: 30_000,
  outputDir: path.join(reports, 'test-results'),
  reporter: [
    ['dot'],
    ['html', { outputFolder: path.join(reports, 'html'), open: 'never' }],
    ['junit', { outputFile: path.join(reports, 'junit.xml') }],
    ['json', { outputFile: path.join(reports, 'results.json') }],
    ['../src/report/conformance-reporter.ts', { faultsFile: path.join(reports, 'faults.json') }],
  ],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  projects: [
    { name: 'unit', testDir: './unit', testMatch: '**/*.test.ts' },
    // Each CLI test spawns whole runs: few at a time, generous timeouts.
    { name: 'cli', testDir: './cli', testMatch: '**/*.test.ts', workers: 2, timeout: 180_000 },
    ...matrix,
  ],
});
