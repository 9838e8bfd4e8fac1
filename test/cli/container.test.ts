// The container target's flags, where no engine runs: every mistake is one line and exit 2, fast,
// and before any engine is asked.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { oneLine, runCli } from './cli.js';

test('--suitecrm-version outside 7.14.x/7.15.x exits 2 and names the pinned default', async () => {
  const r = await runCli(['run', '--target', 'container', '--suitecrm-version', '8.0.1']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/--suitecrm-version must be a SuiteCRM 7\.14\.x or 7\.15\.x release such as 7\.14\.6, got "8\.0\.1"/);
});

test('the container flags with another target exit 2', async () => {
  for (const args of [
    ['--suitecrm-version', '7.14.6'],
    ['--suitecrm-archive', 'x.tar.xz'],
  ]) {
    const r = await runCli(['run', '--target', 'embedded', ...args]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/--suitecrm-(version|archive) applies only to the container target/);
  }
});

test('a missing archive, an unrecorded one without --suitecrm-sha256, or a wrong sum: one line, before any engine is asked', async () => {
  const missing = await runCli(['run', '--target', 'container', '--suitecrm-archive', '/nonexistent/SuiteCRM-7.14.6.tar.xz']);
  expect(missing.code).toBe(2);
  expect(oneLine(missing.stderr)).toMatch(/--suitecrm-archive \/nonexistent\/SuiteCRM-7\.14\.6\.tar\.xz: no such file/);
  const file = path.join(os.tmpdir(), `SuiteCRM-own-build-${process.pid}.tar.gz`);
  writeFileSync(file, 'a team build');
  const unrecorded = await runCli(['run', '--target', 'container', '--suitecrm-archive', file]);
  expect(unrecorded.code).toBe(2);
  expect(oneLine(unrecorded.stderr)).toMatch(/no sha256 for SuiteCRM-own-build-\d+\.tar\.gz in docker\/suitecrm\/SHA256SUMS; pass --suitecrm-sha256/);
  const wrong = await runCli(['run', '--target', 'container', '--suitecrm-archive', file, '--suitecrm-sha256', 'f'.repeat(64)]);
  expect(wrong.code).toBe(2);
  expect(oneLine(wrong.stderr)).toMatch(/sha256 is [0-9a-f]{64}, but --suitecrm-sha256 says f{64}/);
  const alone = await runCli(['run', '--target', 'container', '--suitecrm-sha256', 'f'.repeat(64)]);
  expect(alone.code).toBe(2);
  expect(oneLine(alone.stderr)).toMatch(/--suitecrm-sha256 checks a --suitecrm-archive/);
});

test('--target container without an engine says how to proceed, fast', async () => {
  const r = await runCli(['run', '--target', 'container', '--suitecrm-version', '7.14.6']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/needs a container engine.*start Docker or Podman.*--base-url.*embedded/);
  expect(r.ms).toBeLessThan(15_000);
});
