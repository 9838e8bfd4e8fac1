// `crm-conformance compare <before.json> <after.json>`: the upgrade gate (exit 1 on a regression),
// and `crm-conformance baseline <conformance.json>`: a baseline accepting a report's failures.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareReports } from '../compare/compare.js';
import { renderConsole, renderHtml, renderMarkdown } from '../compare/render.js';
import { ConfigError } from '../config/errors.js';
import { applyBaseline, baselineFromReport, loadBaseline } from '../report/baseline.js';
import { readReport } from '../report/read.js';
import { parseCommand, type CommandSpec, type FlagSpec } from './args.js';

const COMPARE_FLAGS: Record<string, FlagSpec> = {
  baseline: { type: 'string', value: 'FILE', help: 'accepted failures (schemas/baseline.schema.json), applied to the after report' },
  'reports-dir': { type: 'string', value: 'DIR', help: 'where compare.md and compare.html go', default: './reports' },
  markdown: { type: 'string', value: 'FILE', help: 'Markdown summary file; also appended to $GITHUB_STEP_SUMMARY when set', default: '<reports-dir>/compare.md' },
  html: { type: 'string', value: 'FILE', help: 'HTML page', default: '<reports-dir>/compare.html' },
};

export const COMPARE_COMMAND: CommandSpec = {
  name: 'compare',
  args: '<before.json> <after.json>',
  summary: 'the upgrade gate: regressions, fixes, new/removed checks and changed skips between two runs (exit 1 on a regression)',
  flags: COMPARE_FLAGS,
};

function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export async function compareCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { flags, positionals } = parseCommand(argv, COMPARE_COMMAND);
  if (positionals.length !== 2) throw new ConfigError('usage: crm-conformance compare <before.json> <after.json> [--baseline FILE]');
  const [beforeFile, afterFile] = positionals as [string, string];
  const before = readReport(beforeFile);
  let after = readReport(afterFile);
  if (typeof flags.baseline === 'string') after = applyBaseline(after, loadBaseline(flags.baseline));

  const comparison = compareReports({ file: beforeFile, report: before }, { file: afterFile, report: after });
  const reportsDir = path.resolve(typeof flags['reports-dir'] === 'string' ? flags['reports-dir'] : 'reports');
  const mdFile = path.resolve(typeof flags.markdown === 'string' ? flags.markdown : path.join(reportsDir, 'compare.md'));
  const htmlFile = path.resolve(typeof flags.html === 'string' ? flags.html : path.join(reportsDir, 'compare.html'));
  const markdown = renderMarkdown(comparison);
  writeFile(mdFile, markdown);
  writeFile(htmlFile, renderHtml(comparison));
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
  process.stdout.write(renderConsole(comparison));
  process.stdout.write(`reports: ${path.relative(process.cwd(), mdFile)}, ${path.relative(process.cwd(), htmlFile)}\n`);
  return comparison.exitCode;
}

const BASELINE_FLAGS: Record<string, FlagSpec> = {
  expires: { type: 'string', value: 'YYYY-MM-DD', help: 'every entry expires after this day', default: 'never' },
  reason: { type: 'string', value: 'TEXT', help: 'reason for every entry', default: '"known departure: <the failure>"' },
};

export const BASELINE_COMMAND: CommandSpec = {
  name: 'baseline',
  args: '<conformance.json>',
  summary: 'print a baseline accepting every failure of a report (redirect it to a file)',
  flags: BASELINE_FLAGS,
};

export async function baselineCommand(argv: readonly string[]): Promise<number> {
  const { flags, positionals } = parseCommand(argv, BASELINE_COMMAND);
  if (positionals.length !== 1) throw new ConfigError('usage: crm-conformance baseline <conformance.json> > baseline.json');
  const expires = typeof flags.expires === 'string' ? flags.expires : undefined;
  if (expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) throw new ConfigError(`--expires must be a date YYYY-MM-DD, got "${expires}"`);
  const baseline = baselineFromReport(readReport(positionals[0]!), {
    ...(expires ? { expires } : {}),
    ...(typeof flags.reason === 'string' ? { reason: flags.reason } : {}),
  });
  process.stdout.write(`${JSON.stringify(baseline, null, 2)}\n`);
  process.stderr.write(`baseline: ${baseline.entries.length} accepted failure(s); review each reason before committing it\n`);
  return 0;
}
