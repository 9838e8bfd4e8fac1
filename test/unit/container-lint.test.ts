// Linters for docker/suitecrm, where installed (Debian `shellcheck`; npm `dockerfilelint`, not a
// dependency of the project). Missing linters are reported as skipped, with the reason.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SUITECRM_CONTEXT } from '../../src/container/versions.js';

const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;

test('entrypoint.sh and add-checksum.sh pass shellcheck', () => {
  test.skip(!has('shellcheck'), 'shellcheck is not installed (apt-get install shellcheck)');
  const r = spawnSync('shellcheck', ['-s', 'bash', 'entrypoint.sh', 'add-checksum.sh'], { cwd: SUITECRM_CONTEXT, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('the Dockerfile passes dockerfilelint', () => {
  let bin: string | undefined;
  try {
    bin = path.join(path.dirname(createRequire(import.meta.url).resolve('dockerfilelint/package.json')), 'bin', 'dockerfilelint');
  } catch {
    bin = undefined;
  }
  test.skip(!bin, 'dockerfilelint is not installed (npx -y dockerfilelint@1.8.0 docker/suitecrm/Dockerfile runs it once)');
  const r = spawnSync(process.execPath, [bin!, path.join(SUITECRM_CONTEXT, 'Dockerfile')], { encoding: 'utf8' });
  expect(r.stdout).toContain('Issues: None found');
});
