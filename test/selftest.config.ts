// The project's own test suite (npm test): unit tests, CLI tests, and the fault matrix, i.e. the
// conformance suite against the conformant target (all pass), against each fault on its own (its
// declared checks fail, nothing else) and against each profile's faithful mode (exactly the
// declared departures fail). One Playwright invocation; each project starts its own targets.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { defineConfig, type Project } from '@playwright/test';
import type { MatrixEntry, RunOptions } from '../fixtures/index.js';
import type { RunSpec } from '../src/config/run-spec.js';
import { DEFAULT_REPORTS_DIR } from '../src/paths.js';
import { loadProfile, shippedProfileNames } from '../src/profile/profile.js';
import { combinedExpectations, expectationsOf, faultDef, faultsFor, SUITECRM_CORE_DIALECTS, type FaultDef } from '../src/target/faults/index.js';
import { profileFindings } from '../src/target/faults/dialects.js';
import type { ProjectMeta } from '../src/report/conformance-reporter.js';
import { newPrivateKeyPem, SIGNING_KEY_ENV } from '../src/target/jwt.js';

const reports = path.join(DEFAULT_REPORTS_DIR, 'self-test');
// Speed-up: one RSA signing key for every target of the self-test instead of one per worker. The
// runner evaluates this file first; its workers inherit the environment and keep the key.
// CRM_SELFTEST_FRESH_KEYS=1 restores a fresh key per target.
if (!process.env.CRM_SELFTEST_FRESH_KEYS) process.env[SIGNING_KEY_ENV] ??= newPrivateKeyPem();
/** Profiles whose embedded dialect the matrix covers. */
/** Profiles whose embedded dialect the matrix covers: every shipped profile by default.
 * Runtime: every profile adds a conformant and a faithful entry; a fault is proven once, on the
 * first listed profile of its dialect family (the SuiteCRM V8 core faults on suitecrm-7.14), or on
 * the profiles its `selfTestProfiles` names (checks that apply only there, e.g. the unoffered-grant
 * faults on suitecrm-7.10.0). So suitecrm-7.10.0, -8, -hellocloud, -entrypoint and generic-oauth2
 * add conformant + faithful + their own faults, not the SuiteCRM core's ~50 again. */
const ALL_PROFILES = ['suitecrm-7.14', ...shippedProfileNames().filter((n) => n !== 'suitecrm-7.14')];
const MATRIX_PROFILES = (process.env.CRM_SELFTEST_PROFILES ?? ALL_PROFILES.join(',')).split(',');
/** Only a named fault (debugging): CRM_SELFTEST_FAULT=name. */
const ONLY_FAULT = process.env.CRM_SELFTEST_FAULT;
/** CRM_SELFTEST_MODE=projects: one Playwright project per matrix entry (slow, detailed). */
const PER_PROJECT = process.env.CRM_SELFTEST_MODE === 'projects';

function selfTestRun(profile: string, mode: 'conformant' | 'faithful', faults: string[]): RunSpec {
  return {
    profile,
    target: { kind: 'embedded', mode, faults },
    // Long enough for a 2 s access / 4 s refresh lifetime, short enough that a
    // never-expiring token costs little.
    maxWaitSeconds: 6,
    reportsDir: reports,
  };
}

function targetProject(name: string, profile: string, entry: MatrixEntry): Project<object, RunOptions> {
  const runSpec = selfTestRun(profile, entry.mode, entry.faults);
  const meta: ProjectMeta = { selfTest: { ...entry, name, profile } };
  // One worker per target: its expiry session is shared by the expiry checks, and targets stay few.
  return { name, testDir: '../specs', testMatch: '**/*.spec.ts', workers: 1, use: { runSpec, selfTestEntry: entry }, metadata: meta };
}

const dialectOf = new Map(MATRIX_PROFILES.map((n) => [n, loadProfile(n).dialect]));

/** Whether this profile's self-test proves the fault (see MATRIX_PROFILES). */
function provesHere(f: FaultDef, profileName: string): boolean {
  if (f.selfTestProfiles) return f.selfTestProfiles.includes(profileName);
  const family = f.dialects ?? SUITECRM_CORE_DIALECTS;
  return MATRIX_PROFILES.find((n) => family.includes(dialectOf.get(n)!)) === profileName;
}

/** The matrix of one profile: conformant, faithful, and each fault of its dialect on its own. */
function entriesOf(profileName: string): MatrixEntry[] {
  const profile = loadProfile(profileName);
  const faithful = profile.faithful?.faults ?? [];
  const entries: MatrixEntry[] = [];
  if (!ONLY_FAULT) {
    entries.push({ name: 'conformant', mode: 'conformant', faults: [], expect: [] });
    // A profile without recorded departures (sugarcrm-11, generic-oauth2): faithful = conformant.
    if (faithful.length) entries.push({ name: 'faithful', mode: 'faithful', faults: [], expect: combinedExpectations(faithful.map((f) => faultDef(f)!)) });
  }
  for (const f of faultsFor(profile.dialect)) {
    if (!provesHere(f, profileName)) continue;
    if (!ONLY_FAULT || f.name === ONLY_FAULT) {
      entries.push({ name: `fault:${f.name}`, mode: 'conformant', faults: [f.name], expect: expectationsOf(f), ...(f.skips ? { skips: [...f.skips] } : {}) });
    }
  }
  // What every target of the profile shows by design (e.g. the password grant offered), unless the entry says otherwise.
  const findings = profileFindings(profile);
  return entries.map((e) => ({ ...e, expect: [...e.expect, ...findings.filter((x) => !e.expect.some((y) => y.id === x.id))] }));
}

const matrix: Project<object, RunOptions>[] = [];
for (const profileName of MATRIX_PROFILES) {
  const entries = entriesOf(profileName);
  if (PER_PROJECT) {
    // Debugging view: one Playwright project (and worker) per entry, full per-test detail.
    for (const e of entries) matrix.push(targetProject(`${profileName}:${e.name}`, profileName, e));
  } else {
    // Default: one project per profile whose tests evaluate each check against every entry's target,
    // all started in the same worker (fixtures/check.ts runMatrix). Same specs, same gather and
    // evaluate code; a fraction of the process and module-loading cost of a project per fault.
    const meta: ProjectMeta = { matrix: { profile: profileName, entries } };
    matrix.push({
      name: `matrix:${profileName}`,
      testDir: '../specs',
      testMatch: '**/*.spec.ts',
      timeout: 120_000,
      use: { runSpec: selfTestRun(profileName, 'conformant', []), matrix: { profile: profileName, entries } },
      metadata: meta,
    });
  }
}

// A certified OAuth 2.0 server as an external reference (issue 16): oidc-provider started on
// 127.0.0.1, run against through `crm-conformance run --base-url` with its profile file, once with
// opaque and once with JWT access tokens (test/certified). Its own project: CRM_SELFTEST_CERTIFIED=0
// leaves it out.
const certified: Project<object, RunOptions>[] =
  process.env.CRM_SELFTEST_CERTIFIED === '0' ? [] : [{ name: 'certified:oidc-provider', testDir: './certified', testMatch: '**/*.test.ts', workers: 1, timeout: 600_000 }];

// Real SuiteCRM (test/real, docs/container.md): builds and starts 7.14.6 in containers and diffs every
// verdict with faithful mode. One long test, listed first so it starts at once and overlaps the rest;
// it skips (with the reason and the command that enables it) without an engine or the source archive;
// CRM_SELFTEST_REAL=0 leaves it out.
const real: Project<object, RunOptions>[] =
  process.env.CRM_SELFTEST_REAL === '0' ? [] : [{ name: 'real', testDir: './real', testMatch: '**/*.test.ts', workers: 1, timeout: 45 * 60_000 }];

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
    ...real,
    { name: 'unit', testDir: './unit', testMatch: '**/*.test.ts' },
    // Each CLI test spawns whole runs: few at a time, generous timeouts.
    { name: 'cli', testDir: './cli', testMatch: '**/*.test.ts', workers: 2, timeout: 180_000 },
    ...matrix,
    ...certified,
  ],
});
