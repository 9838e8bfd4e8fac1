// crm-conformance: one clear line for every problem (exit 2), no stack trace unless --debug.
import { ALL_CHECKS } from '../checks/catalog.js';
import { ConfigError } from '../config/errors.js';
import { shippedProfileNames, loadProfile } from '../profile/profile.js';
import { secrets } from '../redact/secrets.js';
import { ALL_FAULTS, brokenIds } from '../target/faults/index.js';
import { TOOL_VERSION } from '../version.js';
import { runCommand } from './run.js';
import { explain } from './explain.js';
import { serveCommand } from './serve.js';
import { matrixCommand } from './matrix.js';
import { setupCommand, teardownCommand } from './setup.js';
import { baselineCommand, compareCommand } from './compare.js';
import { mergeCommand } from './merge.js';

const USAGE = `crm-conformance ${TOOL_VERSION}: OAuth 2.0 + JSON:API conformance for CRMs

  crm-conformance run      [--base-url URL] [--profile NAME|FILE] [--config FILE] [--max-wait S] [--mode conformant|faithful]
  crm-conformance serve    [--profile NAME] [--mode conformant|faithful] [--fault NAME…] [--port N]
  crm-conformance matrix   [--profiles a,b,…] [--config FILE] [--mode conformant|faithful] [--parallel N]
  crm-conformance setup    --base-url URL [--accept-admin-timezone-prompt] [--env-path FILE]
                           create the harness's OAuth2 clients in the admin panel (CRM_ADMIN_USERNAME/PASSWORD)
  crm-conformance teardown [--base-url URL] [--env-path FILE]   revoke their tokens, then delete them
  crm-conformance compare  <before.json> <after.json> [--baseline FILE]: the upgrade gate (exit 1 on a regression)
  crm-conformance baseline <conformance.json> > baseline.json: accept a report's failures
  crm-conformance merge    <dir>: merge the outputs of \`run --shard i/n\` into one report
  crm-conformance checks   [--json] list the checks (id, severity with its RFC keyword, spec references)
  crm-conformance explain  <check id>: what it judges, its spec and keyword, its definition and evidence flow, the faults that prove it
  crm-conformance faults   list the reference target's faults and the checks each must break
  crm-conformance profiles list the shipped profiles

Secrets come from the environment or .env only (CRM_CLIENT_ID, CRM_CLIENT_SECRET, CRM_USERNAME, CRM_PASSWORD, …).
Exit codes: 0 every check passed or was skipped, 1 a must/should check failed, 2 the run could not be made
(or some checks could not gather evidence: error verdicts).
`;

type Command = (argv: readonly string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  serve: (argv) => serveCommand(argv),
  matrix: matrixCommand,
  checks: async (argv) => {
    if (argv.includes('--json')) {
      const list = ALL_CHECKS.map((c) => ({ id: c.id, title: c.title, severity: c.severity, keyword: c.keyword ?? null, specRefs: c.specRefs, requires: c.requires ?? [] }));
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    // The severity with the RFC keyword of the cited sentence it follows ("must (MUST)").
    for (const c of ALL_CHECKS) process.stdout.write(`${c.id.padEnd(58)} ${`${c.severity}${c.keyword ? ` (${c.keyword})` : ''}`.padEnd(22)} ${c.specRefs.join(', ')}\n`);
    return 0;
  },
  explain: async (argv) => {
    if (argv.length !== 1 || argv[0]!.startsWith('-')) throw new ConfigError('usage: crm-conformance explain <check id> (crm-conformance checks lists them)');
    process.stdout.write(await explain(argv[0]!));
    return 0;
  },
  faults: async () => {
    for (const f of ALL_FAULTS) process.stdout.write(`${f.name.padEnd(40)} ${f.description}\n${''.padEnd(40)} breaks: ${brokenIds(f).join(', ')}\n`);
    return 0;
  },
  profiles: async () => {
    for (const n of shippedProfileNames()) {
      const p = loadProfile(n);
      process.stdout.write(`${n.padEnd(22)} ${p.vendor} ${p.versions}: ${p.token.grants.join(', ')}\n`);
    }
    return 0;
  },
  setup: (argv) => setupCommand(argv),
  teardown: (argv) => teardownCommand(argv),
  compare: (argv) => compareCommand(argv),
  baseline: baselineCommand,
  merge: mergeCommand,
};

export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[cmd];
  try {
    if (!command) throw new ConfigError(`unknown command "${cmd}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return await command(rest);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`crm-conformance: ${secrets.mask(e.message)}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`crm-conformance: unexpected error: ${secrets.mask(err.message)}${debug ? `\n${secrets.mask(err.stack ?? '')}` : ' (run with --debug for details)'}\n`);
    return 2;
  }
}
