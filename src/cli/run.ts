// `crm-conformance run`: resolve config, profile and target, preflight, run Playwright, judge.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { credentialsFromEnv } from '../config/credentials.js';
import { loadConfigFile, type ConfigFile } from '../config/config-file.js';
import { loadDotenv } from '../config/dotenv.js';
import { ConfigError } from '../config/errors.js';
import { RUN_ENV, type RunSpec } from '../config/run-spec.js';
import { PROJECT_ROOT } from '../paths.js';
import { loadProfile, type Profile } from '../profile/profile.js';
import { loadBaseline } from '../report/baseline.js';
import { exitCodeOf, type ConformanceReport } from '../report/model.js';
import { ALL_CHECKS } from '../checks/catalog.js';
import { scanForSecrets } from '../redact/scan.js';
import { secrets } from '../redact/secrets.js';
import { validate } from '../schema/validate.js';
import { checkFaultNames } from '../target/faults/index.js';
import { helpText, parseArgs, type FlagSpec } from './args.js';
import { preflight } from './preflight.js';
import { chooseTarget, type TargetKind } from './target-choice.js';
import { containerMaxWait, containerTargetOptions, startContainerTarget, type ContainerTarget, type ContainerTargetOptions } from '../container/index.js';
import { versionTraits } from '../container/versions.js';
import type { HttpOptions } from '../client/http.js';
import { hostileDef, hostileNames } from '../target/hostile.js';
import { startReferenceTarget, type StartedTarget } from '../target/server.js';
import { referenceEnv } from './serve.js';

export const RUN_FLAGS: Record<string, FlagSpec> = {
  'base-url': { type: 'string', help: 'URL of the CRM to test (else CRM_BASE_URL, else the embedded target)' },
  profile: { type: 'string', help: 'profile name or path of a profile file (default suitecrm-7.14)' },
  config: { type: 'string', help: 'JSON config file (schemas/config.schema.json)' },
  target: { type: 'string', help: 'auto | url | container | embedded (default auto)' },
  mode: { type: 'string', help: 'embedded target only: conformant | faithful (default conformant)' },
  fault: { type: 'list', help: 'embedded target only: switch on a named fault (repeatable)' },
  'max-wait': { type: 'number', help: 'longest wait for a token to expire, seconds (default 60; container: the refresh lifetime + 30)' },
  workers: { type: 'number', help: 'parallel Playwright workers (default 2)' },
  'reports-dir': { type: 'string', help: 'where reports go (default ./reports)' },
  'env-file': { type: 'string', help: 'file with CRM_* variables (default ./.env if present)' },
  'access-ttl': { type: 'number', help: 'embedded/container target: access-token lifetime in seconds (default 2 / 90)' },
  'refresh-ttl': { type: 'number', help: 'embedded/container target: refresh-token lifetime in seconds (default 4 / 120)' },
  'suitecrm-version': { type: 'string', help: 'container target: SuiteCRM release to build and start (default 7.14.6)' },
  'suitecrm-archive': { type: 'string', help: 'container target: build from this SuiteCRM source archive (.tar.xz, .tar.gz, .zip) instead of the pinned git tag' },
  'suitecrm-sha256': { type: 'string', help: 'container target: sha256 of --suitecrm-archive when docker/suitecrm/SHA256SUMS does not record it' },
  grep: { type: 'string', help: 'only checks whose id matches this regular expression' },
  'http-timeout': { type: 'number', help: 'whole-exchange timeout of every HTTP request, ms (default 10000)' },
  'max-body': { type: 'number', help: 'largest response body read, bytes (default 5242880); longer ones are cut off' },
  retries: { type: 'number', help: 'retries of an idempotent request answered 429/503 + Retry-After (default 1; never POST)' },
  'retry-after-max': { type: 'number', help: 'longest total Retry-After wait honoured per request, seconds (default 5)' },
  'preflight-timeout': { type: 'number', help: 'timeout of each preflight request, ms (default 5000)' },
  hostile: { type: 'string', help: 'embedded target only: a hostile behaviour (docs/robustness.md), served in-process and tested as a URL' },
  baseline: { type: 'string', help: 'accepted failures (schemas/baseline.schema.json): reported as accepted, they do not fail the run' },
  shard: { type: 'string', help: 'i/n: run only part i of n (merge the parts with `crm-conformance merge`)' },
  debug: { type: 'boolean', help: 'show stack traces of unexpected errors' },
  help: { type: 'boolean', help: 'this help' },
};

export interface RunOutcome {
  code: number;
  report?: ConformanceReport;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export async function runCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { flags } = parseArgs(argv, RUN_FLAGS, 'run');
  if (flags.help) {
    process.stdout.write(helpText('run', 'run the conformance suite against a target', RUN_FLAGS));
    return 0;
  }
  const envFile = str(flags['env-file']);
  loadDotenv(path.resolve(envFile ?? '.env'), env, envFile !== undefined);
  const cfg: ConfigFile = str(flags.config) ? loadConfigFile(path.resolve(str(flags.config)!)) : {};

  const profile = loadProfile(str(flags.profile) ?? cfg.profile ?? env.CRM_PROFILE ?? 'suitecrm-7.14');
  const requested = (str(flags.target) ?? 'auto') as TargetKind | 'auto';
  if (!['auto', 'url', 'container', 'embedded'].includes(requested)) throw new ConfigError(`--target must be auto, url, container or embedded, got "${requested}"`);
  const mode = str(flags.mode) ?? cfg.mode ?? 'conformant';
  if (mode !== 'conformant' && mode !== 'faithful') throw new ConfigError(`--mode must be conformant or faithful, got "${mode}"`);
  const faults = (flags.fault as string[] | undefined) ?? cfg.faults ?? [];
  const baseUrl = str(flags['base-url']) ?? cfg.baseUrl ?? env.CRM_BASE_URL;
  const suitecrmVersion = str(flags['suitecrm-version']);
  if (suitecrmVersion !== undefined) versionTraits(suitecrmVersion);
  const ttl = (name: 'access-ttl' | 'refresh-ttl', fromCfg: number | undefined) => (flags[name] as number | undefined) ?? fromCfg;
  const containerOptions: ContainerTargetOptions = {
    profile,
    ...(suitecrmVersion ? { suitecrmVersion } : {}),
    ...(str(flags['suitecrm-archive']) ? { archive: path.resolve(str(flags['suitecrm-archive'])!) } : {}),
    ...(str(flags['suitecrm-sha256']) ? { archiveSha256: str(flags['suitecrm-sha256'])! } : {}),
    ...(ttl('access-ttl', cfg.accessTokenTtl) ? { accessTtlSeconds: ttl('access-ttl', cfg.accessTokenTtl)! } : {}),
    ...(ttl('refresh-ttl', cfg.refreshTokenTtl) ? { refreshTtlSeconds: ttl('refresh-ttl', cfg.refreshTokenTtl)! } : {}),
  };
  // A wrong archive, sum or lifetime is one line before any engine is asked.
  const containerPlan = requested === 'container' ? containerTargetOptions(containerOptions) : undefined;
  const choice = await chooseTarget(requested, baseUrl, env);
  const hostile = str(flags.hostile);
  if (choice.kind !== 'embedded' && (flags.mode !== undefined || faults.length || hostile)) {
    throw new ConfigError('--mode, --fault and --hostile apply only to the embedded reference target (a real instance is what it is)');
  }
  for (const f of ['suitecrm-version', 'suitecrm-archive', 'suitecrm-sha256']) {
    if (choice.kind !== 'container' && flags[f] !== undefined) throw new ConfigError(`--${f} applies only to the container target (--target container)`);
  }
  if (hostile && !hostileDef(hostile)) throw new ConfigError(`unknown hostile behaviour "${hostile}"; known: ${hostileNames().join(', ')}`);
  checkFaultNames(faults, profile.dialect);
  process.stderr.write(`${choice.notice}\n`);

  const reportsDir = path.resolve(str(flags['reports-dir']) ?? cfg.reportsDir ?? 'reports');
  // The container's lifetimes (docs/container.md) are waited out in full: its budget covers the refresh lifetime.
  const maxWaitSeconds =
    (flags['max-wait'] as number | undefined) ?? cfg.maxWait ?? (containerPlan ? containerMaxWait(containerPlan.refreshSeconds) : 60);
  const run: RunSpec = {
    profile: str(flags.profile) ?? cfg.profile ?? env.CRM_PROFILE ?? 'suitecrm-7.14',
    target:
      choice.kind === 'url'
        ? { kind: 'url', baseUrl: choice.baseUrl! }
        : {
            kind: 'embedded',
            mode,
            ...(faults.length ? { faults } : {}),
            ...((flags['access-ttl'] ?? cfg.accessTokenTtl) ? { accessTtlSeconds: (flags['access-ttl'] as number) ?? cfg.accessTokenTtl } : {}),
            ...((flags['refresh-ttl'] ?? cfg.refreshTokenTtl) ? { refreshTtlSeconds: (flags['refresh-ttl'] as number) ?? cfg.refreshTokenTtl } : {}),
          },
    maxWaitSeconds,
    reportsDir,
    ...((flags.workers ?? cfg.workers) ? { workers: (flags.workers as number) ?? cfg.workers } : {}),
    http: httpOptions(flags, cfg),
    ...(str(flags.baseline) ? { baseline: baselineEntries(path.resolve(str(flags.baseline)!)) } : {}),
    ...(str(flags.shard) ? { shard: parseShard(str(flags.shard)!) } : {}),
  };
  let container: ContainerTarget | undefined;
  let served: StartedTarget | undefined;
  let childEnv = env;
  try {
    if (choice.kind === 'container') {
      container = await startContainerTarget(containerOptions);
      // From here on the container is a URL target whose credentials travel like a user's: CRM_* in the env.
      run.target = { kind: 'url', baseUrl: container.baseUrl, via: 'container' };
      childEnv = { ...env, ...container.env };
    }
    if (hostile && run.target.kind === 'embedded') {
      // Served by this process and tested as a URL, so the preflight meets it as it would a real CRM.
      served = await serveHostile(run.target, profile, hostile);
      childEnv = { ...childEnv, ...referenceEnv(served, profile, served.publicKeyPem) };
      run.target = { kind: 'url', baseUrl: served.baseUrl };
      process.stderr.write(`hostile: ${hostile} (${hostileDef(hostile)!.description}), served at ${served.baseUrl}\n`);
    }
    return await preflightAndRun(run, profile, childEnv, flags, cfg);
  } finally {
    await served?.close();
    await container?.stop();
  }
}

async function serveHostile(t: Extract<RunSpec['target'], { kind: 'embedded' }>, profile: Profile, hostile: string): Promise<StartedTarget> {
  return startReferenceTarget({
    profile,
    mode: t.mode,
    ...(t.faults ? { faults: t.faults } : {}),
    ...(t.accessTtlSeconds ? { accessTtlSeconds: t.accessTtlSeconds } : {}),
    ...(t.refreshTtlSeconds ? { refreshTtlSeconds: t.refreshTtlSeconds } : {}),
    hostile,
  });
}

/** Flags over config file over DEFAULT_HTTP (src/client/http.ts). */
function httpOptions(flags: Record<string, unknown>, cfg: ConfigFile): Partial<HttpOptions> {
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const timeoutMs = num(flags['http-timeout']) ?? cfg.httpTimeoutMs;
  const maxBodyBytes = num(flags['max-body']) ?? cfg.maxBodyBytes;
  const retries = num(flags.retries) ?? cfg.retries;
  const retryAfterMax = num(flags['retry-after-max']) ?? cfg.retryAfterMax;
  if (timeoutMs !== undefined && timeoutMs < 100) throw new ConfigError(`--http-timeout is in milliseconds and must be at least 100, got ${timeoutMs}`);
  return {
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    ...(retries !== undefined ? { retries: Math.floor(retries) } : {}),
    ...(retryAfterMax !== undefined ? { retryAfterBudgetMs: retryAfterMax * 1000 } : {}),
  };
}

async function preflightAndRun(run: RunSpec, profile: Profile, env: NodeJS.ProcessEnv, flags: Record<string, unknown>, cfg: ConfigFile): Promise<number> {
  const reportsDir = run.reportsDir;
  if (run.target.kind === 'url') {
    if (run.profile.includes('/') || run.profile.endsWith('.json')) run.profile = path.resolve(run.profile);
    const creds = credentialsFromEnv(env);
    const preflightMs = (typeof flags['preflight-timeout'] === 'number' ? flags['preflight-timeout'] : undefined) ?? cfg.preflightTimeoutMs ?? 5000;
    await preflight(run.target.baseUrl, profile, creds, env, preflightMs);
  }

  const code = await playwright(run, env, str(flags.grep), run.shard);
  const reportFile = path.join(reportsDir, 'conformance.json');
  if (!existsSync(reportFile)) throw new ConfigError(`the run produced no ${reportFile} (Playwright exited with ${code})`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
  const valid = validate('conformance-report', report);
  if (!valid.valid) throw new Error(`internal: ${reportFile} does not match its schema: ${valid.errors}`);

  const leaks = scanForSecrets([reportsDir], secrets.values());
  if (leaks.length) {
    throw new ConfigError(`secret material found in the reports (${leaks.length}× ${leaks[0]!.kind} in ${path.relative(process.cwd(), leaks[0]!.file)}): this is a bug of crm-conformance; the reports must not be shared`);
  }
  printSummary(report, reportsDir, 'conformance.json, conformance.sarif, junit.xml, html/index.html' + (run.shard ? `, blob/ (shard ${run.shard.current}/${run.shard.total}: merge with \`crm-conformance merge\`)` : ''));
  return exitCodeOf(report);
}

/** The closing lines of run and merge: counts, baseline states, where the reports are. */
export function printSummary(report: ConformanceReport, reportsDir: string, files: string): void {
  const s = report.summary;
  process.stdout.write(
    `\n${s.total} checks: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped` +
      (s.failed ? ` (${Object.entries(s.failedBySeverity ?? {}).map(([k, n]) => `${n} ${k}`).join(', ')})` : '') +
      (report.baseline ? `\nbaseline: ${s.accepted ?? 0} failure(s) accepted, ${s.stale ?? 0} stale entr${s.stale === 1 ? 'y' : 'ies'}` : '') +
      `\nreports: ${path.relative(process.cwd(), reportsDir) || '.'}/${files}\n`,
  );
}

/** The baseline's entries; a check id the catalog does not know is most likely a typo. */
function baselineEntries(file: string) {
  const { entries } = loadBaseline(file);
  const known = new Set(ALL_CHECKS.map((c) => c.id));
  const unknown = entries.find((e) => !known.has(e.checkId));
  if (unknown) throw new ConfigError(`baseline ${file} names unknown check "${unknown.checkId}" (see \`crm-conformance checks\`)`);
  return entries;
}

export function parseShard(value: string): { current: number; total: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const current = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || current < 1 || total < 1 || current > total) throw new ConfigError(`--shard must be i/n with 1 ≤ i ≤ n, got "${value}"`);
  return { current, total };
}

/** Runs the suite in a Playwright child process; the RunSpec travels in the environment. */
function playwright(run: RunSpec, env: NodeJS.ProcessEnv, grep?: string, shard?: RunSpec['shard']): Promise<number> {
  for (const p of ['conformance.json', 'conformance.sarif', 'junit.xml', 'html', 'test-results', 'blob']) rmSync(path.join(run.reportsDir, p), { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  const cli = require.resolve('@playwright/test/cli');
  const args = [
    cli,
    'test',
    '--config',
    path.join(PROJECT_ROOT, 'playwright.config.ts'),
    ...(grep ? ['--grep', grep] : []),
    ...(shard ? ['--shard', `${shard.current}/${shard.total}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...env, [RUN_ENV]: JSON.stringify(run), CRM_CONFORMANCE_CLI: '1', FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) process.stderr.write(secrets.mask(stderr.slice(-4000)));
      resolve(code ?? 2);
    });
  });
}
