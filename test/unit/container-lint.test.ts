// Linters for docker/, where installed (Debian `shellcheck`; npm `dockerfilelint`, not a dependency
// of the project). Missing linters are reported as skipped, with the reason.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DOCKER_DIR } from '../../src/container/versions.js';

const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const SCRIPTS = ['suitecrm/entrypoint.sh', 'suitecrm/install.sh', 'suitecrm/fetch-source.sh', 'mariadb/entrypoint.sh'];

test('the container scripts pass shellcheck (and the base-image helper as POSIX sh)', () => {
  test.skip(!has('shellcheck'), 'shellcheck is not installed (apt-get install shellcheck)');
  const bash = spawnSync('shellcheck', ['-s', 'bash', ...SCRIPTS], { cwd: DOCKER_DIR, encoding: 'utf8' });
  expect(bash.stdout + bash.stderr).toBe('');
  const sh = spawnSync('shellcheck', ['-s', 'sh', 'base/build.sh'], { cwd: DOCKER_DIR, encoding: 'utf8' });
  expect(sh.stdout + sh.stderr).toBe('');
});

test('the scripts parse (bash -n / sh -n), everywhere', () => {
  for (const s of SCRIPTS) expect(spawnSync('bash', ['-n', s], { cwd: DOCKER_DIR, encoding: 'utf8' }).stderr, s).toBe('');
  expect(spawnSync('sh', ['-n', 'base/build.sh'], { cwd: DOCKER_DIR, encoding: 'utf8' }).stderr).toBe('');
});

test('the Dockerfiles pass dockerfilelint', () => {
  let bin: string | undefined;
  try {
    bin = path.join(path.dirname(createRequire(import.meta.url).resolve('dockerfilelint/package.json')), 'bin', 'dockerfilelint');
  } catch {
    bin = undefined;
  }
  test.skip(!bin, 'dockerfilelint is not installed (npx -y dockerfilelint@1.8.0 docker/suitecrm/Dockerfile runs it once)');
  for (const d of ['suitecrm', 'mariadb']) {
    const r = spawnSync(process.execPath, [bin!, path.join(DOCKER_DIR, d, 'Dockerfile')], { encoding: 'utf8' });
    expect(r.stdout).toContain('Issues: None found');
  }
});
