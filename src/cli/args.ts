// A small argument parser: `--name value`, `--name=value`, repeatable flags, booleans.
import { ConfigError } from '../config/errors.js';

export interface FlagSpec {
  type: 'string' | 'number' | 'boolean' | 'list';
  help: string;
}

export interface Parsed {
  positionals: string[];
  flags: Record<string, string | number | boolean | string[]>;
}

/** Secrets are never taken from flags (they would land in shell history and process lists). */
const SECRET_FLAGS = /^(client-?secret|password|token|secret|api-?key|admin-?password)$/i;

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>, command: string): Parsed {
  const out: Parsed = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (SECRET_FLAGS.test(name)) {
      throw new ConfigError(`--${name} is not accepted: secrets come only from environment variables or a .env file (see README, "Credentials")`);
    }
    const f = spec[name];
    if (!f) throw new ConfigError(`unknown option --${name} for "${command}"; options: ${Object.keys(spec).map((k) => `--${k}`).join(', ')}`);
    if (f.type === 'boolean') {
      out.flags[name] = eq < 0 ? true : !/^(false|0|no)$/i.test(a.slice(eq + 1));
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new ConfigError(`--${name} needs a value`);
    if (f.type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new ConfigError(`--${name} must be a non-negative number, got "${value}"`);
      out.flags[name] = n;
    } else if (f.type === 'list') {
      const prev = (out.flags[name] as string[] | undefined) ?? [];
      out.flags[name] = [...prev, ...value.split(',').filter(Boolean)];
    } else out.flags[name] = value;
  }
  return out;
}

export function helpText(command: string, summary: string, spec: Record<string, FlagSpec>): string {
  const lines = Object.entries(spec).map(([k, f]) => `  --${k}${f.type === 'boolean' ? '' : ' <value>'}`.padEnd(30) + f.help);
  return `crm-conformance ${command}: ${summary}\n\n${lines.join('\n')}\n`;
}
