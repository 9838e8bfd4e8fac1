// Runs anywhere: a clone of HEAD with no ../shared anywhere above it, and the packed package
// installed into an empty project, each give a green default run, as a new user would see it.
// Slow by nature (an npm install each, then a full run): two tests, nothing else here.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type TestInfo } from '@playwright/test';
import { PROJECT_ROOT } from '../../src/paths.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { cleanEnv } from './cli.js';

interface Step {
  code: number | null;
  out: string;
  seconds: number;
}

/** One shell-free command; output kept for the failure message (the runs print no secrets: canary scan). */
function sh(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<Step> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: cleanEnv({ npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, seconds: Math.round((Date.now() - started) / 100) / 10 });
    });
  });
}

/** A folder no `shared` sits beside, at any level up to the root. */
function isolatedDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (let d = dir; ; d = path.dirname(d)) {
    expect(existsSync(path.join(d, 'shared')), `${path.join(d, 'shared')} exists: pick another TMPDIR for this test`).toBe(false);
    if (path.dirname(d) === d) break;
  }
  return dir;
}

/** `npx crm-conformance run` where a user would run it after `install`: exit 0, no failed check; prints the timings. */
async function installThenRun(what: string, install: Step, dir: string, testInfo: TestInfo): Promise<void> {
  expect(install.code, install.out).toBe(0);
  const run = await sh('npx', ['crm-conformance', 'run'], dir, 300_000);
  expect(run.code, run.out).toBe(0);
  const report = JSON.parse(readFileSync(path.join(dir, 'reports', 'conformance.json'), 'utf8')) as ConformanceReport;
  expect(report.summary.failed, run.out).toBe(0);
  expect(report.summary.passed).toBeGreaterThan(50);
  const s = report.summary;
  const line = `${what} ${install.seconds} s, npx crm-conformance run ${run.seconds} s, exit ${run.code}; ${s.total} checks: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
  testInfo.annotations.push({ type: 'timing', description: line });
  console.log(line);
}

test.describe.configure({ mode: 'parallel' });

test("a clone of HEAD with no ../shared passes the README's main command", async ({}, testInfo) => {
  test.setTimeout(900_000);
  const base = isolatedDir('crmc-clone-');
  const repo = path.join(base, 'crm-conformance');
  try {
    const clone = await sh('git', ['clone', '--quiet', '--no-hardlinks', PROJECT_ROOT, repo], base, 120_000);
    expect(clone.code, clone.out).toBe(0);
    await installThenRun('clone: npm ci', await sh('npm', ['ci', '--prefer-offline'], repo, 600_000), repo, testInfo);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('the packed package, installed into an empty project, runs `npx crm-conformance run`', async ({}, testInfo) => {
  test.setTimeout(900_000);
  const base = isolatedDir('crmc-pack-');
  try {
    const pack = await sh('npm', ['pack', '--quiet', '--pack-destination', base], PROJECT_ROOT, 120_000);
    expect(pack.code, pack.out).toBe(0);
    const tarball = readdirSync(base).find((f) => f.endsWith('.tgz'));
    expect(tarball, pack.out).toBeTruthy();
    const project = path.join(base, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'uses-crm-conformance', private: true }, null, 2)}\n`);
    await installThenRun('packed: npm install', await sh('npm', ['install', '--prefer-offline', path.join(base, tarball!)], project, 600_000), project, testInfo);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
