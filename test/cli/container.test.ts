// The container target's flags, where no engine runs: every mistake is one line and exit 2, fast.
import { expect, test } from '@playwright/test';
import { oneLine, runCli } from './cli.js';

test('--suitecrm-version outside 7.14.x/7.15.x exits 2 and names the pinned default', async () => {
  const r = await runCli(['run', '--target', 'container', '--suitecrm-version', '8.0.1']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/--suitecrm-version must be a SuiteCRM 7\.14\.x or 7\.15\.x release such as 7\.14\.6, got "8\.0\.1"/);
});

test('--suitecrm-version with another target exits 2', async () => {
  const r = await runCli(['run', '--target', 'embedded', '--suitecrm-version', '7.14.6']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/--suitecrm-version applies only to the container target/);
});

test('--target container --suitecrm-version without an engine still says how to proceed', async () => {
  const r = await runCli(['run', '--target', 'container', '--suitecrm-version', '7.15.0']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/needs a container engine.*start Docker or Podman.*--base-url.*embedded/);
  expect(r.ms).toBeLessThan(15_000);
});
