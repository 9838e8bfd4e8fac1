// crm-conformance: one clear line for every problem (exit 2), no stack trace unless --debug.
import { ALL_CHECKS } from '../checks/catalog.js';
import { ConfigError } from '../config/errors.js';
import { shippedProfileNames, loadProfile } from '../profile/profile.js';
import { secrets } from '../redact/secrets.js';
import { ALL_FAULTS, brokenIds } from '../target/faults/index.js';
import { TOOL_VERSION } from '../version.js';
import { helpText, parseCommand, type CommandSpec } from './args.js';
import { RUN_COMMAND, runCommand } from './run.js';
import { explain } from './explain.js';
import { SERVE_COMMAND, serveCommand } from './serve.js';
import { MATRIX_COMMAND, matrixCommand } from './matrix.js';
import { SETUP_COMMAND, setupCommand, TEARDOWN_COMMAND, teardownCommand } from './setup.js';
import { BASELINE_COMMAND, baselineCommand, COMPARE_COMMAND, compareCommand } from './compare.js';
import { MERGE_COMMAND, mergeCommand } from './merge.js';

type Command = (argv: readonly string[]) => Promise<number>;

/** A listing command: no options but the common ones. */
function listing(name: string, summary: string, print: () => void): { spec: CommandSpec; run: Command } {
  const spec: CommandSpec = { name, summary, flags: {} };
  return {
    spec,
    run: async (argv) => {
      const { positionals } = parseCommand(argv, spec);
      if (positionals.length) throw new ConfigError(`"${name}" takes no arguments, got "${positionals[0]}"`);
      print();
      return 0;
    },
  };
}

const COMMANDS: Record<string, { spec: CommandSpec; run: Command }> = {
  run: { spec: RUN_COMMAND, run: (argv) => runCommand(argv) },
  serve: { spec: SERVE_COMMAND, run: (argv) => serveCommand(argv) },
  matrix: { spec: MATRIX_COMMAND, run: matrixCommand },
  setup: { spec: SETUP_COMMAND, run: (argv) => setupCommand(argv) },
  teardown: { spec: TEARDOWN_COMMAND, run: (argv) => teardownCommand(argv) },
  compare: { spec: COMPARE_COMMAND, run: (argv) => compareCommand(argv) },
  baseline: { spec: BASELINE_COMMAND, run: baselineCommand },
  merge: { spec: MERGE_COMMAND, run: mergeCommand },
  checks: (() => {
    const spec: CommandSpec = {
      name: 'checks',
      summary: 'list the checks: id, severity with its RFC keyword, spec references',
      flags: { json: { type: 'boolean', help: 'one JSON array (id, title, severity, keyword, specRefs, requires)' } },
    };
    return {
      spec,
      run: async (argv: readonly string[]) => {
        const { flags } = parseCommand(argv, spec);
        if (flags.json) {
          const list = ALL_CHECKS.map((c) => ({ id: c.id, title: c.title, severity: c.severity, keyword: c.keyword, specRefs: c.specRefs, requires: c.requires ?? [] }));
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return 0;
        }
        // The severity with the RFC keyword of the cited sentence it follows ("must (MUST)").
        for (const c of ALL_CHECKS) process.stdout.write(`${c.id.padEnd(58)} ${`${c.severity} (${c.keyword})`.padEnd(22)} ${c.specRefs.join(', ')}\n`);
        return 0;
      },
    };
  })(),
  explain: (() => {
    const spec: CommandSpec = {
      name: 'explain',
      args: '<check id>',
      summary: 'what a check judges, its spec (linked) and keyword, its definition and evidence flow, the faults that prove it',
      flags: {},
    };
    return {
      spec,
      run: async (argv: readonly string[]) => {
        const { positionals } = parseCommand(argv, spec);
        if (positionals.length !== 1) throw new ConfigError('usage: crm-conformance explain <check id> (crm-conformance checks lists them)');
        process.stdout.write(await explain(positionals[0]!));
        return 0;
      },
    };
  })(),
  faults: listing('faults', "list the reference target's faults and the checks each must break", () => {
    for (const f of ALL_FAULTS) process.stdout.write(`${f.name.padEnd(40)} ${f.description}\n${''.padEnd(40)} breaks: ${brokenIds(f).join(', ')}\n`);
  }),
  profiles: listing('profiles', 'list the shipped profiles', () => {
    for (const n of shippedProfileNames()) {
      const p = loadProfile(n);
      process.stdout.write(`${n.padEnd(22)} ${p.vendor} ${p.versions}: ${p.token.grants.join(', ')}\n`);
    }
  }),
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([n, { spec }]) => `  crm-conformance ${n.padEnd(width)} ${spec.args ? `${spec.args} ` : ''}${spec.summary}`);
  return (
    `crm-conformance ${TOOL_VERSION}: OAuth 2.0 + JSON:API conformance for CRMs\n\n${rows.join('\n')}\n\n` +
    'crm-conformance <command> --help lists every option of a command with its default; --debug works with every command.\n' +
    'Secrets come from the environment or .env only (CRM_CLIENT_ID, CRM_CLIENT_SECRET, CRM_USERNAME, CRM_PASSWORD, …).\n' +
    'Exit codes: 0 every check passed or was skipped, 1 a must/should check failed, 2 the run could not be made\n' +
    '(or some checks could not gather evidence: error verdicts).\n'
  );
}

/** --help / -h before a `--`: the command's help, whatever else the line says. */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h') {
    process.stdout.write(usage());
    return cmd ? 0 : 2;
  }
  if (cmd === 'help' && !rest[0]) {
    process.stdout.write(usage());
    return 0;
  }
  if (cmd === '--version') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  // `help <command>` is `<command> --help`.
  const [name, args] = cmd === 'help' ? [rest[0]!, ['--help']] : [cmd, rest];
  const command = COMMANDS[name];
  try {
    if (!command) throw new ConfigError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (crm-conformance --help)`);
    if (wantsHelp(args)) {
      process.stdout.write(helpText(command.spec));
      return 0;
    }
    return await command.run(args);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`crm-conformance: ${secrets.mask(e.message)}${debug && e.stack ? `\n${secrets.mask(e.stack)}` : ''}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`crm-conformance: unexpected error: ${secrets.mask(err.message)}${debug ? `\n${secrets.mask(err.stack ?? '')}` : ` (run again with --debug for details: crm-conformance ${cmd} … --debug)`}\n`);
    return 2;
  }
}
