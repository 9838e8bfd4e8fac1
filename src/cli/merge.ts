// `crm-conformance merge <dir>`: the outputs of `run --shard i/n` (each shard's reports folder,
// e.g. CI artifacts downloaded side by side under <dir>) become one report: conformance.json and
// conformance.sarif from the conformance.json parts, HTML and JUnit from Playwright's blob reports.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { playwrightEnv, PROJECT_ROOT } from '../paths.js';
import { write, sarifBeside } from '../report/conformance-reporter.js';
import { mergeReports } from '../report/merge.js';
import { exitCodeOf } from '../report/model.js';
import { readReport } from '../report/read.js';
import { toSarif } from '../report/sarif.js';
import { scanForSecrets } from '../redact/scan.js';
import { helpText, parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { printSummary } from './run.js';

const MERGE_FLAGS: Record<string, FlagSpec> = {
  'reports-dir': { type: 'string', value: 'DIR', help: 'where the merged reports go', default: './reports' },
};

export const MERGE_COMMAND: CommandSpec = { name: 'merge', args: '<dir>', summary: 'merge the reports of `run --shard i/n` parts found under <dir> into one', flags: MERGE_FLAGS };

/** Every file named `name` (or matching) under dir, depth-first, sorted for a stable order. */
function findFiles(dir: string, match: (name: string, full: string) => boolean, skip: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      if (p === skip) return [];
      if (statSync(p).isDirectory()) return findFiles(p, match, skip);
      return match(f, p) ? [p] : [];
    });
}

export async function mergeCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseCommand(argv, MERGE_COMMAND);
  if (flags.help) {
    process.stdout.write(helpText(MERGE_COMMAND));
    return 0;
  }
  if (positionals.length !== 1) throw new ConfigError('usage: crm-conformance merge <dir> [--reports-dir DIR]');
  const dir = path.resolve(positionals[0]!);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new ConfigError(`cannot read ${dir}: not a directory`);
  const out = path.resolve(typeof flags['reports-dir'] === 'string' ? flags['reports-dir'] : 'reports');

  const parts = findFiles(dir, (f) => f === 'conformance.json', out).map((file) => ({ file: path.relative(process.cwd(), file), report: readReport(file) }));
  const blobs = findFiles(dir, (f, p) => f.endsWith('.zip') && path.basename(path.dirname(p)) === 'blob', out);
  const merged = mergeReports(parts);

  for (const p of ['conformance.json', 'conformance.sarif', 'junit.xml', 'html']) rmSync(path.join(out, p), { recursive: true, force: true });
  const file = path.join(out, 'conformance.json');
  write(file, merged);
  write(sarifBeside(file), toSarif(merged));
  if (blobs.length) await mergeBlobs(blobs, out);
  else process.stderr.write(`merge: no blob reports (blob/*.zip) under ${dir}: conformance.json and conformance.sarif only\n`);

  const leaks = scanForSecrets([out]);
  if (leaks.length) throw new ConfigError(`secret material found in the merged reports (${leaks[0]!.kind} in ${leaks[0]!.file}): the reports must not be shared`);
  process.stdout.write(`merged ${parts.length} part(s), ${blobs.length} blob report(s)\n`);
  printSummary(merged, out, blobs.length ? 'conformance.json, conformance.sarif, junit.xml, html/index.html' : 'conformance.json, conformance.sarif');
  return exitCodeOf(merged);
}

/** `playwright merge-reports` wants the blobs in one folder. */
async function mergeBlobs(blobs: readonly string[], out: string): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crm-conformance-blobs-'));
  try {
    blobs.forEach((b, i) => copyFileSync(b, path.join(tmp, `${String(i).padStart(3, '0')}-${path.basename(b)}`)));
    mkdirSync(out, { recursive: true });
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const args = [cli, 'merge-reports', '--config', path.join(PROJECT_ROOT, 'src', 'report', 'merge.config.ts'), tmp];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: playwrightEnv({ ...process.env, CRM_CONFORMANCE_MERGE_OUT: out }), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
      child.on('error', reject);
      child.on('close', (c) => (c === 0 ? resolve() : reject(new ConfigError(`playwright merge-reports failed (exit ${c}): ${stderr.trim().split('\n').pop() ?? ''}`))));
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
