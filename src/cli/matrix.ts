// `crm-conformance matrix`: every profile against its embedded dialect (or the URLs of a matrix
// config file), a few runs at a time, then reports/matrix.json + reports/matrix.html.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CHECKS } from '../checks/catalog.js';
import { ConfigError } from '../config/errors.js';
import { renderMatrixHtml } from '../matrix/html.js';
import { buildMatrix, type MatrixColumn } from '../matrix/model.js';
import { PROJECT_ROOT } from '../paths.js';
import { loadProfile, shippedProfileNames } from '../profile/profile.js';
import type { ConformanceReport } from '../report/model.js';
import { secrets } from '../redact/secrets.js';
import { validate } from '../schema/validate.js';
import { pool } from '../util/pool.js';
import { parseCommand, type CommandSpec, type FlagSpec } from './args.js';

export const MATRIX_FLAGS: Record<string, FlagSpec> = {
  profiles: { type: 'list', value: 'NAME', help: 'profile names or files', default: 'every shipped profile' },
  config: { type: 'string', value: 'FILE', help: 'matrix config file (schemas/matrix-config.schema.json): profiles with base URLs' },
  mode: { type: 'string', value: 'M', help: 'embedded targets: conformant | faithful', default: 'conformant' },
  parallel: { type: 'number', help: 'profiles run at the same time', default: '2' },
  'max-wait': { type: 'number', value: 'S', help: 'longest wait for a token to expire, seconds', default: '60' },
  'reports-dir': { type: 'string', value: 'DIR', help: 'where matrix.json, matrix.html and the per-profile reports go', default: './reports' },
};

export const MATRIX_COMMAND: CommandSpec = { name: 'matrix', summary: 'run every profile (embedded dialects, or the URLs of a config file) and write the compatibility matrix', flags: MATRIX_FLAGS };

interface Entry {
  profile: string;
  baseUrl?: string;
  envFile?: string;
}

interface MatrixConfig {
  mode?: 'conformant' | 'faithful';
  parallel?: number;
  maxWait?: number;
  profiles: Entry[];
}

function readConfig(file: string): MatrixConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read matrix config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const res = validate('matrix-config', raw);
  if (!res.valid) throw new ConfigError(`matrix config ${file} does not match schemas/matrix-config.schema.json: ${res.errors}`);
  const cfg = raw as MatrixConfig;
  const rel = (p: string) => (p.includes('/') || p.endsWith('.json') ? path.resolve(path.dirname(file), p) : p);
  return { ...cfg, profiles: cfg.profiles.map((e) => ({ ...e, profile: rel(e.profile), ...(e.envFile ? { envFile: path.resolve(path.dirname(file), e.envFile) } : {}) })) };
}

/** Column key: a profile file is named by its profile name, made unique. */
function columnName(entry: Entry, taken: Set<string>): string {
  let name = loadProfile(entry.profile).name;
  for (let i = 2; taken.has(name); i++) name = `${loadProfile(entry.profile).name}#${i}`;
  taken.add(name);
  return name;
}

function runOne(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'crm-conformance.mjs'), 'run', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
    child.on('close', (code) => resolve({ code: code ?? 2, stderr }));
  });
}

export async function matrixCommand(argv: readonly string[]): Promise<number> {
  const { flags } = parseCommand(argv, MATRIX_COMMAND);
  const cfg: MatrixConfig = typeof flags.config === 'string' ? readConfig(path.resolve(flags.config)) : { profiles: shippedProfileNames().map((profile) => ({ profile })) };
  const only = flags.profiles as string[] | undefined;
  const entries = only ? only.map((p) => cfg.profiles.find((e) => e.profile === p || path.basename(e.profile, '.json') === p) ?? { profile: p }) : cfg.profiles;
  const mode = (flags.mode as string | undefined) ?? cfg.mode ?? 'conformant';
  if (mode !== 'conformant' && mode !== 'faithful') throw new ConfigError(`--mode must be conformant or faithful, got "${mode}"`);
  const taken = new Set<string>();
  // Every profile is validated (exit 2 with the reason) before anything runs.
  const planned = entries.map((e) => ({ entry: e, profile: loadProfile(e.profile), name: columnName(e, taken) }));
  const reportsDir = path.resolve((flags['reports-dir'] as string | undefined) ?? 'reports');
  const maxWait = (flags['max-wait'] as number | undefined) ?? cfg.maxWait ?? 60;
  const parallel = Math.max(1, (flags.parallel as number | undefined) ?? cfg.parallel ?? 2);
  mkdirSync(reportsDir, { recursive: true });

  const runs: { column: MatrixColumn; report?: ConformanceReport }[] = [];
  await pool(planned, parallel, async ({ entry, profile, name }) => {
    const dir = path.join(reportsDir, 'matrix', name.replace(/[^A-Za-z0-9._-]/g, '_'));
    const args = ['--profile', entry.profile, '--reports-dir', dir, '--max-wait', String(maxWait), '--workers', '1'];
    if (entry.baseUrl) args.push('--target', 'url', '--base-url', entry.baseUrl);
    else args.push('--target', 'embedded', '--mode', mode);
    if (entry.envFile) args.push('--env-file', entry.envFile);
    process.stderr.write(`matrix: ${name} → ${entry.baseUrl ?? `embedded ${profile.dialect} (${mode})`}\n`);
    const { code, stderr } = await runOne(args);
    const file = path.join(dir, 'conformance.json');
    const report = code !== 2 && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport) : undefined;
    const error = code === 2 ? secrets.mask(stderr.trim().split('\n').filter((l) => l.startsWith('crm-conformance:')).pop() ?? stderr.trim().split('\n').pop() ?? 'failed') : undefined;
    process.stderr.write(`matrix: ${name} exit ${code}${report ? ` (${report.summary.passed} passed, ${report.summary.failed} failed, ${report.summary.skipped} skipped)` : ''}${error ? `: ${error}` : ''}\n`);
    runs.push({
      column: {
        profile: name,
        vendor: profile.vendor,
        versions: profile.versions,
        mode: entry.baseUrl ? 'conformant' : mode,
        target: entry.baseUrl ?? `embedded ${profile.dialect}`,
        exitCode: code,
        ...(error ? { error } : {}),
        ...(report ? { summary: report.summary } : {}),
      },
      ...(report ? { report } : {}),
    });
  });
  const order = planned.map((p) => p.name);
  runs.sort((a, b) => order.indexOf(a.column.profile) - order.indexOf(b.column.profile));
  const matrix = buildMatrix(ALL_CHECKS, runs);
  writeFileSync(path.join(reportsDir, 'matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`);
  writeFileSync(path.join(reportsDir, 'matrix.html'), renderMatrixHtml(matrix));
  process.stdout.write(`matrix: ${path.relative(process.cwd(), reportsDir) || '.'}/matrix.json, matrix.html (${matrix.rows.length} checks × ${matrix.columns.length} profiles)\n`);
  return Math.max(0, ...runs.map((r) => r.column.exitCode));
}
