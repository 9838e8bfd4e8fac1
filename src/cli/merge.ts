// `crm-conformance merge <dir>`: the outputs of `run --shard i/n` (each shard's reports folder,
// e.g. CI artifacts downloaded side by side under <dir>) become one report: conformance.json and
// e.g. CI artifacts downloaded side by side under <dir>) become the reports an unsharded run writes,
// all from the merged conformance.json (the one verdict channel), with each part's evidence files.
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { writeReports } from '../report/conformance-reporter.js';
import { mergeReports } from '../report/merge.js';
import { exitCodeOf } from '../report/model.js';
import { readReport } from '../report/read.js';
import { scanForSecrets } from '../redact/scan.js';
import { parseCommand, type CommandSpec, type FlagSpec } from './args.js';
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
  if (positionals.length !== 1) throw new ConfigError('usage: crm-conformance merge <dir> [--reports-dir DIR]');
  const dir = path.resolve(positionals[0]!);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new ConfigError(`cannot read ${dir}: not a directory`);
  const out = path.resolve(typeof flags['reports-dir'] === 'string' ? flags['reports-dir'] : 'reports');

  const files = findFiles(dir, (f) => f === 'conformance.json', out);
  const parts = files.map((file) => ({ file: path.relative(process.cwd(), file), report: readReport(file) }));
  const merged = mergeReports(parts);

  for (const p of ['conformance.json', 'conformance.sarif', 'junit.xml', 'html']) rmSync(path.join(out, p), { recursive: true, force: true });
  // Each part's evidence files keep their paths (html/data/<check id>/…): the parts hold disjoint checks.
  for (const f of files) {
    const data = path.join(path.dirname(f), 'html', 'data');
    if (existsSync(data)) cpSync(data, path.join(out, 'html', 'data'), { recursive: true });
  }
  writeReports(path.join(out, 'conformance.json'), merged);

  const leaks = scanForSecrets([out]);
  if (leaks.length) throw new ConfigError(`secret material found in the merged reports (${leaks[0]!.kind} in ${leaks[0]!.file}): the reports must not be shared`);
  process.stdout.write(`merged ${parts.length} part(s)\n`);
  printSummary(merged, out, 'conformance.json, conformance.sarif, junit.xml, html/index.html');
  return exitCodeOf(merged);
}
