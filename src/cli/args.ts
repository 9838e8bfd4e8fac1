// Flags of every command, declared as one table per command (src/cli/*.ts): parsing (Node's
// util.parseArgs), --help and the "unknown option" message all come from that table, so a new flag
// is one new row. Secrets are refused as flags after parsing, whatever the table says.
import { parseArgs as nodeParseArgs } from 'node:util';
import { ConfigError } from '../config/errors.js';

export interface FlagSpec {
  type: 'string' | 'number' | 'boolean' | 'list';
  help: string;
  /** What applies when the flag is absent, as --help shows it ("60", "./reports", "CRM_BASE_URL, else …"). Booleans default to off. */
  default?: string;
  /** Placeholder of the value in --help (URL, FILE, S, …); default from the type. */
  value?: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments as --help shows them, e.g. "<before.json> <after.json>". */
  args?: string;
  summary: string;
  flags: Record<string, FlagSpec>;
  /** Lines shown after the flags (what a flag's value means in detail). */
  notes?: string;
}

export type FlagValue = string | number | boolean | string[];

export interface Parsed {
  positionals: string[];
  flags: Record<string, FlagValue>;
}

/** Accepted by every command. */
export const COMMON_FLAGS: Record<string, FlagSpec> = {
  debug: { type: 'boolean', help: "stack traces of unexpected errors; the Playwright child's whole stderr" },
  help: { type: 'boolean', help: 'this help' },
};

/** Secrets are never taken from flags (they would land in shell history and process lists). */
const SECRET_FLAGS = /^(client-?secret|password|token|secret|api-?key|admin-?password|access-?token|refresh-?token)$/i;

function allFlags(spec: CommandSpec): Record<string, FlagSpec> {
  return { ...spec.flags, ...COMMON_FLAGS };
}

export function parseCommand(argv: readonly string[], spec: CommandSpec): Parsed {
  const flags = allFlags(spec);
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [
      name,
      { type: f.type === 'boolean' ? ('boolean' as const) : ('string' as const), ...(f.type === 'list' ? { multiple: true } : {}), ...(name === 'help' ? { short: 'h' } : {}) },
    ]),
  );
  // Not strict: unknown and secret options are judged below, with messages that say what to do.
  const { tokens } = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const out: Parsed = { positionals: [], flags: {} };
  const known = () => Object.keys(flags).map((k) => `--${k}`).join(', ');
  for (const t of tokens) {
    if (t.kind === 'positional') out.positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const shown = t.rawName;
    if (SECRET_FLAGS.test(t.name)) {
      throw new ConfigError(`${shown} is not accepted: secrets come only from environment variables or a .env file (see README, "Credentials")`);
    }
    const f = flags[t.name];
    if (!f) throw new ConfigError(`unknown option ${shown} for "${spec.name}"; options: ${known()} (crm-conformance ${spec.name} --help)`);
    if (f.type === 'boolean') {
      out.flags[t.name] = t.inlineValue && t.value !== undefined ? !/^(false|0|no)$/i.test(t.value) : true;
      continue;
    }
    const value = t.value;
    if (value === undefined || (!t.inlineValue && value.startsWith('--'))) throw new ConfigError(`${shown} needs a value`);
    if (f.type === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new ConfigError(`${shown} must be a non-negative number, got "${value}"`);
      out.flags[t.name] = n;
    } else if (f.type === 'list') {
      out.flags[t.name] = [...((out.flags[t.name] as string[] | undefined) ?? []), ...value.split(',').filter(Boolean)];
    } else out.flags[t.name] = value;
  }
  return out;
}

/** Compatibility shape: a flag table without a command spec. */
export function parseArgs(argv: readonly string[], flags: Record<string, FlagSpec>, command: string): Parsed {
  return parseCommand(argv, { name: command, summary: '', flags });
}

function placeholder(f: FlagSpec): string {
  if (f.type === 'boolean') return '';
  return ` ${f.value ?? (f.type === 'number' ? 'N' : f.type === 'list' ? 'A,B' : 'VALUE')}`;
}

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(allFlags(spec)).map(([name, f]) => {
    const left = `  ${name === 'help' ? '-h, ' : ''}--${name}${placeholder(f)}${f.type === 'list' ? ' (repeatable)' : ''}`;
    const def = f.type === 'boolean' ? (f.default ?? 'off') : (f.default ?? 'none');
    return `${left.padEnd(34)} ${f.help} [default: ${def}]`;
  });
  return (
    `crm-conformance ${spec.name}${spec.args ? ` ${spec.args}` : ''}${Object.keys(spec.flags).length ? ' [options]' : ''}\n  ${spec.summary}\n\n` +
    `options:\n${rows.join('\n')}\n${spec.notes ? `\n${spec.notes.trimEnd()}\n` : ''}`
  );
}
