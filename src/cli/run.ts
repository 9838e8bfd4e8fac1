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
import { exitCodeOf, type ConformanceReport } from '../report/model.js';
import { scanForSecrets } from '../redact/scan.js';
import { secrets } from '../redact/secrets.js';
import { validate } from '../schema/validate.js';
import { checkFaultNames } from '../target/faults/index.js';
import { helpText, parseArgs, type FlagSpec } from './args.js';
import { preflight } from './preflight.js';
import { chooseTarget, type TargetKind } from './target-choice.js';
import { startContainerTarget, type ContainerTarget } from '../container/index.js';
import { versionTraits } from '../container/versions.js';

export const RUN_FLAGS: Record<string, FlagSpec> = {
  'base-url': { type: 'string', help: 'URL of the CRM to test (else CRM_BASE_URL, else the embedded target)' },
  profile: { type: 'string', help: 'profile name or path of a profile file (default suitecrm-7.14)' },
  config: { type: 'string', help: 'JSON config file (schemas/config.schema.json)' },
  target: { type: 'string', help: 'auto | url | container | embedded (default auto)' },
  mode: { type: 'string', help: 'embedded target only: conformant | faithful (default conformant)' },
  fault: { type: 'list', help: 'embedded target only: switch on a named fault (repeatable)' },
  'max-wait': { type: 'number', help: 'longest wait for a token to expire, seconds (default 60)' },
  workers: { type: 'number', help: 'parallel Playwright workers (default 2)' },
  'reports-dir': { type: 'string', help: 'where reports go (default ./reports)' },
  'env-file': { type: 'string', help: 'file with CRM_* variables (default ./.env if present)' },
  'access-ttl': { type: 'number', help: 'embedded/container target: access-token lifetime in seconds (default 2 / 10)' },
  'refresh-ttl': { type: 'number', help: 'embedded/container target: refresh-token lifetime in seconds (default 4 / 30)' },
  'suitecrm-version': { type: 'string', help: 'container target: SuiteCRM release to build and start (default 7.14.6)' },
  grep: { type: 'string', help: 'only checks whose id matches this regular expression' },
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
  const choice = await chooseTarget(requested, baseUrl, env);
  if (choice.kind !== 'embedded' && (flags.mode !== undefined || faults.length)) {
    throw new ConfigError('--mode and --fault apply only to the embedded reference target (a real instance is what it is)');
  }
  if (choice.kind !== 'container' && suitecrmVersion !== undefined) throw new ConfigError('--suitecrm-version applies only to the container target (--target container)');
  checkFaultNames(faults, profile.dialect);
  process.stderr.write(`${choice.notice}\n`);

  const reportsDir = path.resolve(str(flags['reports-dir']) ?? cfg.reportsDir ?? 'reports');
  const maxWaitSeconds = (flags['max-wait'] as number | undefined) ?? cfg.maxWait ?? 60;
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
  };
  let container: ContainerTarget | undefined;
  let childEnv = env;
  if (choice.kind === 'container') {
    const ttl = (name: 'access-ttl' | 'refresh-ttl', fromCfg: number | undefined) => (flags[name] as number | undefined) ?? fromCfg;
    container = await startContainerTarget({
      profile,
      env,
      ...(suitecrmVersion ? { suitecrmVersion } : {}),
      ...(ttl('access-ttl', cfg.accessTokenTtl) ? { accessTtlSeconds: ttl('access-ttl', cfg.accessTokenTtl)! } : {}),
      ...(ttl('refresh-ttl', cfg.refreshTokenTtl) ? { refreshTtlSeconds: ttl('refresh-ttl', cfg.refreshTokenTtl)! } : {}),
    });
    // From here on the container is a URL target whose credentials travel like a user's: CRM_* in the env.
    run.target = { kind: 'url', baseUrl: container.baseUrl, via: 'container' };
    childEnv = { ...env, ...container.env };
  }
  try {
    return await runAgainst(run, profile, childEnv, str(flags.grep));
  } finally {
    await container?.stop();
  }
}

async function runAgainst(run: RunSpec, profile: Profile, env: NodeJS.ProcessEnv, grep: string | undefined): Promise<number> {
  const { reportsDir } = run;
  if (run.target.kind === 'url') {
    if (run.profile.includes('/') || run.profile.endsWith('.json')) run.profile = path.resolve(run.profile);
    const creds = credentialsFromEnv(env);
    await preflight(run.target.baseUrl, profile, creds, env);
  }

  const code = await playwright(run, env, grep);
  const reportFile = path.join(reportsDir, 'conformance.json');
  if (!existsSync(reportFile)) throw new ConfigError(`the run produced no ${reportFile} (Playwright exited with ${code})`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport;
  const valid = validate('conformance-report', report);
  if (!valid.valid) throw new Error(`internal: ${reportFile} does not match its schema: ${valid.errors}`);

  const leaks = scanForSecrets([reportsDir], secrets.values());
  if (leaks.length) {
    throw new ConfigError(`secret material found in the reports (${leaks.length}× ${leaks[0]!.kind} in ${path.relative(process.cwd(), leaks[0]!.file)}): this is a bug of crm-conformance; the reports must not be shared`);
  }
  const s = report.summary;
  process.stdout.write(
    `\n${s.total} checks: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped` +
      (s.failed ? ` (${Object.entries(s.failedBySeverity ?? {}).map(([k, n]) => `${n} ${k}`).join(', ')})` : '') +
      `\nreports: ${path.relative(process.cwd(), reportsDir) || '.'}/conformance.json, junit.xml, html/index.html\n`,
  );
  return exitCodeOf(report);
}

/** Runs the suite in a Playwright child process; the RunSpec travels in the environment. */
function playwright(run: RunSpec, env: NodeJS.ProcessEnv, grep?: string): Promise<number> {
  for (const p of ['conformance.json', 'junit.xml', 'html', 'test-results']) rmSync(path.join(run.reportsDir, p), { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  const cli = require.resolve('@playwright/test/cli');
  const args = [cli, 'test', '--config', path.join(PROJECT_ROOT, 'playwright.config.ts'), ...(grep ? ['--grep', grep] : [])];
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
