// Real SuiteCRM in the loop: builds and starts SuiteCRM 7.14.6 in containers (the CLI's own
// `--target container`), runs the whole suite against it, runs it against the embedded target in
// faithful mode, and diffs every verdict. A difference fails unless test/real/known-differences.json
// explains it (check, both verdicts, reason, the deployment setting or fact it rests on).
// Skipped, with the reason and the command that enables it, where no engine answers or the
// source archive is absent (it exists only in our workspace and CI: ../shared/suitecrm).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_REPORTS_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { needs, SHARED_DIR } from '../shared.js';
import { LABEL } from '../../src/container/definition.js';
import { describeDifference, diffVerdicts, loadKnownDifferences, verdictCounts, type VerdictRow } from './verdict-diff.js';

const ARCHIVE = process.env.CRM_SUITECRM_ARCHIVE ?? path.join(SHARED_DIR, 'suitecrm', 'SuiteCRM-7.14.6.tar.xz');
const KNOWN = path.join(PROJECT_ROOT, 'test', 'real', 'known-differences.json');
const OUT = path.join(DEFAULT_REPORTS_DIR, 'self-test', 'real');
const BIN = path.join(PROJECT_ROOT, 'bin', 'crm-conformance.mjs');

/** Straight to the runner's stderr (the dot reporter shows no test output): progress and the summary. */
const say = (line: string) => writeSync(2, `[real SuiteCRM] ${line}\n`);

/** The user's environment minus CRM_* (the runs must use only what the container hands over). */
function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CRM_')) e[k] = v;
  return { ...e, FORCE_COLOR: '0' };
}

interface Run {
  code: number | null;
  pid: number | undefined;
  stderr: string;
  ms: number;
}

/** One CLI run; SIGTERM (never SIGKILL) on timeout, so the CLI still removes its containers. */
function cli(args: string[], label: string, timeoutMs: number, progress = false): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let partial = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!progress) return;
      partial += d.toString();
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) if (/^\[\d+ s\]/.test(l)) say(`${label} ${l}`);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, pid: child.pid, stderr, ms: Date.now() - t0 });
    });
  });
}

async function engine(): Promise<{ ok: true } | { ok: false; detail: string }> {
  try {
    const tc = await import('testcontainers');
    await tc.getContainerRuntimeClient();
    return { ok: true };
  } catch (e) {
    return { ok: false, detail: (e as Error).message.split('\n')[0]! };
  }
}

function rows(dir: string): VerdictRow[] {
  const report = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as { checks: VerdictRow[] };
  return report.checks.map((c) => ({ id: c.id, verdict: String(c.verdict), ...(c.reason ? { reason: c.reason } : {}), ...(c.notApplicable ? { notApplicable: true } : {}) }));
}

/** Containers the CLI run labelled as its own (by its process id) that still exist. */
async function leftovers(pid: number | undefined): Promise<string[]> {
  const tc = await import('testcontainers');
  const docker = (await tc.getContainerRuntimeClient()).container.dockerode;
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL}.pid=${pid}`] } });
  return list.map((c) => `${c.Image} (${c.State})`);
}

test('real SuiteCRM 7.14.6 in containers gives the verdicts faithful mode gives', async ({}, testInfo) => {
  test.setTimeout(45 * 60_000);
  needs(
    existsSync(ARCHIVE),
    `needs the SuiteCRM 7.14.6 source archive, absent at ${ARCHIVE}: set CRM_SUITECRM_ARCHIVE=<SuiteCRM-7.14.6.tar.xz> or CRM_SHARED_DIR (docs/container.md, "Source")`,
  );
  const e = await engine();
  needs(
    e.ok,
    `needs a container engine, and none answers (${e.ok ? '' : e.detail}): \`bash .ci/run\` installs and starts Docker on a Debian machine, or start one yourself (\`nohup dockerd >/tmp/dockerd.log 2>&1 &\`)`,
  );

  const realDir = path.join(OUT, 'container');
  const faithfulDir = path.join(OUT, 'faithful');
  rmSync(OUT, { recursive: true, force: true });
  say(`building (or reusing) the images and starting SuiteCRM 7.14.6 from ${path.basename(ARCHIVE)}; faithful mode runs alongside`);
  // Both at once: the container run spends most of its time building, installing and waiting out lifetimes.
  const [real, faithful] = await Promise.all([
    cli(['run', '--target', 'container', '--suitecrm-archive', ARCHIVE, '--reports-dir', realDir], 'container', 40 * 60_000, true),
    cli(['run', '--target', 'embedded', '--mode', 'faithful', '--reports-dir', faithfulDir], 'faithful', 10 * 60_000),
  ]);
  writeFileSync(path.join(OUT, 'container.stderr.log'), real.stderr);
  await testInfo.attach('container-run.log', { path: path.join(OUT, 'container.stderr.log'), contentType: 'text/plain' });
  const tail = (r: Run) => r.stderr.split('\n').filter(Boolean).slice(-6).join('\n');
  expect(real.code, `--target container must exit 0 or 1 with complete reports:\n${tail(real)}`).not.toBeNull();
  expect([0, 1], `--target container exited ${real.code}:\n${tail(real)}`).toContain(real.code);
  expect([0, 1], `faithful mode exited ${faithful.code}:\n${tail(faithful)}`).toContain(faithful.code);
  expect(await leftovers(real.pid), 'containers of the run left behind').toEqual([]);

  const realRows = rows(realDir);
  const diff = diffVerdicts(realRows, rows(faithfulDir), loadKnownDifferences(KNOWN));
  const summary = [
    `against real SuiteCRM 7.14.6: ${verdictCounts(realRows)} (run ${Math.round(real.ms / 1000)} s incl. images and install); faithful mode ${Math.round(faithful.ms / 1000)} s`,
    `${diff.explained.length} known difference(s) (test/real/known-differences.json), ${diff.unexplained.length} unexplained, ${diff.stale.length} stale entr${diff.stale.length === 1 ? 'y' : 'ies'}`,
    ...diff.unexplained.map((d) => `  unexplained: ${describeDifference(d)}`),
    ...diff.stale.map((k) => `  stale entry (no longer a difference): ${k.check} real ${k.real} / faithful ${k.faithful}`),
  ];
  for (const l of summary) say(l);
  testInfo.annotations.push({ type: 'real-suitecrm', description: summary[0]! });
  writeFileSync(path.join(OUT, 'diff.json'), JSON.stringify(diff, null, 2));
  expect(diff.unexplained.map(describeDifference), 'verdicts of real SuiteCRM that faithful mode does not give').toEqual([]);
  expect(diff.stale.map((k) => k.check), 'test/real/known-differences.json entries that no longer differ').toEqual([]);
});
