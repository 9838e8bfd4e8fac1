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
import { playwrightEnv, PROJECT_ROOT } from '../paths.js';
import { loadProfile, type Profile } from '../profile/profile.js';
import { loadBaseline } from '../report/baseline.js';
import { exitCodeOf, mostlyErrors, type ConformanceReport } from '../report/model.js';
import { ALL_CHECKS } from '../checks/catalog.js';
import { scanForSecrets } from '../redact/scan.js';
import { secrets } from '../redact/secrets.js';
import { validate } from '../schema/validate.js';
import { checkFaultNames } from '../target/faults/index.js';
import { parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { preflight } from './preflight.js';
import { chooseTarget, type TargetKind } from './target-choice.js';
import { containerMaxWait, containerTargetOptions, startContainerTarget, type ContainerTarget, type ContainerTargetOptions } from '../container/index.js';
import { versionTraits } from '../container/versions.js';
import type { HttpOptions } from '../client/http.js';
import { hostileDef, hostileNames } from '../target/hostile.js';
import { startReferenceTarget, type StartedTarget } from '../target/server.js';
import { referenceEnv } from './serve.js';
import { OPENAPI_FILE_ENV } from '../openapi/document.js';

export const RUN_FLAGS: Record<string, FlagSpec> = {
  'base-url': { type: 'string', value: 'URL', help: 'URL of the CRM to test', default: 'CRM_BASE_URL, else the embedded target (a container only with --target container)' },
  profile: { type: 'string', value: 'NAME|FILE', help: 'profile name (crm-conformance profiles) or path of a profile file', default: 'CRM_PROFILE, else suitecrm-7.14' },
  config: { type: 'string', value: 'FILE', help: 'JSON config file (schemas/config.schema.json); flags win over it' },
  target: { type: 'string', value: 'T', help: 'auto | url | container | embedded', default: 'auto' },
  mode: { type: 'string', value: 'M', help: 'embedded target only: conformant | faithful', default: 'conformant' },
  fault: { type: 'list', value: 'NAME', help: 'embedded target only: switch on named faults (crm-conformance faults)' },
  'max-wait': { type: 'number', value: 'S', help: 'longest wait for a token to expire, seconds (container target: the refresh lifetime + 30)', default: '60' },
  workers: { type: 'number', help: 'parallel Playwright workers', default: '2' },
  'reports-dir': { type: 'string', value: 'DIR', help: 'where reports go', default: './reports' },
  'env-file': { type: 'string', value: 'FILE', help: 'file with CRM_* variables (dotenv syntax; quote values with "#")', default: './.env if present' },
  'access-ttl': { type: 'number', value: 'S', help: 'embedded/container target: access-token lifetime in seconds', default: '2 embedded, 90 container' },
  'refresh-ttl': { type: 'number', value: 'S', help: 'embedded/container target: refresh-token lifetime in seconds', default: '4 embedded, 120 container' },
  'suitecrm-version': { type: 'string', value: 'V', help: 'container target: SuiteCRM release to build and start', default: '7.14.6' },
  'suitecrm-archive': { type: 'string', value: 'FILE', help: 'container target: build from this SuiteCRM source archive (.tar.xz, .tar.gz, .zip)', default: 'the pinned git tag (docker/suitecrm/SOURCES)' },
  'suitecrm-sha256': { type: 'string', value: 'HEX', help: 'container target: sha256 of --suitecrm-archive', default: 'the sum docker/suitecrm/SHA256SUMS records for its file name' },
  openapi: { type: 'string', value: 'FILE', help: "OpenAPI 3 document to match exchanges against instead of the one the instance publishes", default: "CRM_OPENAPI, else the profile's (GET /Api/V8/meta/swagger.json for SuiteCRM)" },
  grep: { type: 'string', value: 'REGEX', help: 'only the checks whose line matches (see below)', default: 'every check' },
  'http-timeout': { type: 'number', value: 'MS', help: 'whole-exchange timeout of every HTTP request, ms', default: '10000' },
  'max-body': { type: 'number', value: 'BYTES', help: 'largest response body read; longer ones are cut off', default: '5242880' },
  retries: { type: 'number', help: 'retries of an idempotent request answered 429/503 + Retry-After (never POST)', default: '1' },
  'retry-after-max': { type: 'number', value: 'S', help: 'longest total Retry-After wait honoured per request, seconds', default: '5' },
  'preflight-timeout': { type: 'number', value: 'MS', help: 'timeout of each preflight request, ms', default: '5000' },
  hostile: { type: 'string', value: 'NAME', help: 'embedded target only: a hostile behaviour (docs/robustness.md), served in-process and tested as a URL' },
  baseline: { type: 'string', value: 'FILE', help: 'accepted failures (schemas/baseline.schema.json): reported as accepted, they do not fail the run' },
  shard: { type: 'string', value: 'I/N', help: 'run only part i of n (merge the parts with `crm-conformance merge`)', default: 'the whole suite' },
};

export const RUN_COMMAND: CommandSpec = {
  name: 'run',
  summary: 'run the conformance suite against a target (exit 0 all passed or skipped, 1 a check failed, 2 the run could not be made)',
  flags: RUN_FLAGS,
  notes: `--grep REGEX is Playwright's --grep: it is matched against the line
  "conformance <spec file> <check id>: <title> @<severity> @<area>", so it selects by check id
  (--grep oauth2.refresh), spec path (--grep jsonapi/crud), words of the title, severity
  (--grep @must) or area (--grep @bearer); alternatives with | (--grep 'jwt|bearer').
Secrets (client secrets, passwords) come only from the environment or the --env-file, never from flags.`,
};

export interface RunOutcome {
  code: number;
  report?: ConformanceReport;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export async function runCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { flags } = parseCommand(argv, RUN_COMMAND);
  const envFile = str(flags['env-file']);
  loadDotenv(path.resolve(envFile ?? '.env'), env, envFile !== undefined);
  // The Playwright child runs in the package's folder: the user's document travels as an absolute path.
  const openapi = str(flags.openapi) ?? env[OPENAPI_FILE_ENV];
  if (openapi !== undefined) {
    if (!existsSync(path.resolve(openapi))) throw new ConfigError(`OpenAPI document not found: ${path.resolve(openapi)} (${flags.openapi !== undefined ? '--openapi' : OPENAPI_FILE_ENV})`);
    env[OPENAPI_FILE_ENV] = path.resolve(openapi);
  }
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

  const code = await playwright(run, env, str(flags.grep), run.shard, flags.debug === true);
  const reportFile = path.join(reportsDir, 'conformance.json');
  if (!existsSync(reportFile)) throw new ConfigError(`the run produced no ${reportFile} (Playwright exited with ${code})`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
  const valid = validate('conformance-report', report);
  if (!valid.valid) throw new Error(`internal: ${reportFile} does not match its schema: ${valid.errors}`);

  const leaks = scanForSecrets([reportsDir], secrets.values());
  if (leaks.length) {
    throw new ConfigError(`secret material found in the reports (${leaks.length}× ${leaks[0]!.kind} in ${path.relative(process.cwd(), leaks[0]!.file)}): this is a bug of crm-conformance; the reports must not be shared`);
  }
  const files = 'conformance.json, conformance.sarif, junit.xml, html/index.html';
  printSummary(report, reportsDir, run.shard ? `${files} (shard ${run.shard.current}/${run.shard.total}: merge the parts with \`crm-conformance merge\`)` : files);
  return exitCodeOf(report);
}

/** The closing lines of run and merge: counts, baseline states, where the reports are. */
export function printSummary(report: ConformanceReport, reportsDir: string, files: string): void {
  const s = report.summary;
  const mostly = mostlyErrors(report);
  process.stdout.write(
    `\n${s.total} checks: ${s.passed} passed, ${s.failed} failed` +
      (s.failed ? ` (${Object.entries(s.failedBySeverity ?? {}).map(([k, n]) => `${n} ${k}`).join(', ')})` : '') +
      `, ${s.inconclusive ?? 0} inconclusive, ${s.errors ?? 0} errors, ${s.skipped} skipped` +
      (mostly ? `\n${mostly}` : s.errors ? `\n${s.errors} check(s) could not gather evidence (error): see their reasons and fixes above` : '') +
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
function playwright(run: RunSpec, env: NodeJS.ProcessEnv, grep: string | undefined, shard: RunSpec['shard'], debug: boolean): Promise<number> {
  for (const p of ['conformance.json', 'conformance.sarif', 'junit.xml', 'html', 'test-results']) rmSync(path.join(run.reportsDir, p), { recursive: true, force: true });
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
      env: playwrightEnv({ ...env, [RUN_ENV]: JSON.stringify(run), CRM_CONFORMANCE_CLI: '1', FORCE_COLOR: process.stdout.isTTY ? '1' : '0', ...(debug ? { CRM_CONFORMANCE_DEBUG: '1' } : {}) }),
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    // Forwarded as it comes, masked line by line: a reporter or config error of the child is never
    // swallowed (exit code 1 looks like a failed check). Without --debug, stack frames are left out.
    let pending = '';
    const forward = (text: string) => {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      const shown = debug ? lines : lines.filter((l) => !/^\s+at /.test(l));
      if (shown.length) process.stderr.write(`${shown.map((l) => secrets.mask(l)).join('\n')}\n`);
    };
    child.stderr.on('data', (d: Buffer) => forward(d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) forward('\n');
      resolve(code ?? 2);
    });
  });
}
