// The conformance run. What to run against comes from the CLI through CRM_CONFORMANCE_RUN
// (src/config/run-spec.ts); with nothing set it runs the embedded SuiteCRM 7.14 target.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { runSpecFromEnv } from './src/config/run-spec.js';
import { launchOptions } from './src/browser/chromium.js';
import type { RunOptions } from './fixtures/index.js';
import { targetInfo } from './src/config/target-info.js';
import { newPrivateKeyPem, SIGNING_KEY_ENV } from './src/target/jwt.js';

const run = runSpecFromEnv();
const reports = run.reportsDir;
// Embedded target: one RSA signing key for the run, made once here and inherited by the workers,
// instead of one per worker start (and Playwright starts a new worker after every failed check).
if (run.target.kind === 'embedded') process.env[SIGNING_KEY_ENV] ??= newPrivateKeyPem();

// One marker per run for the records the suite creates; workers inherit it from the runner.
process.env.CRM_RUN_MARKER ??= `crmc-${randomBytes(4).toString('hex')}`;

export default defineConfig<object, RunOptions>({
  testDir: './specs',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: run.workers ?? 2,
  timeout: Math.max(30_000, (run.maxWaitSeconds + 20) * 1000),
  outputDir: path.join(reports, 'test-results'),
  // Every report (JSON, SARIF, JUnit, HTML) is written from the checks' verdicts by the conformance
  // reporter; Playwright's own HTML/JUnit reporters would show test statuses, and a failed check is a
  // passed test (fixtures/check.ts).
  reporter: [
    ['./src/report/console-reporter.ts'],
    ['./src/report/conformance-reporter.ts', { outputFile: path.join(reports, 'conformance.json') }],
    ['./src/report/jsonapi-reporter.ts', { outputDir: reports }],
  ],
  use: {
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    launchOptions: launchOptions(),
  },
  projects: [{ name: 'conformance', use: { runSpec: run }, metadata: { target: targetInfo(run) } }],
});
