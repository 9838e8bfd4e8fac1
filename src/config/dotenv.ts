// .env files, parsed by dotenv (quotes, escapes, multi-line values, inline comments, `export`).
// Around it: a line that is no KEY=value at all is a config error (not silently skipped), and an
// unquoted value cut at `#` (dotenv's inline comment) gets a notice naming the variable, never
// the value. Existing variables win.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { ConfigError } from './errors.js';

/** Throws on a line that is not KEY=value; returns notices about values cut at `#`. */
function scan(text: string, file: string): string[] {
  const notices: string[] = [];
  let open: string | undefined; // quote of a multi-line value still open
  text.split(/\r?\n/).forEach((line, i) => {
    if (open) {
      if (line.includes(open)) open = undefined;
      return;
    }
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(t);
    if (!m) throw new ConfigError(`${file}:${i + 1} is not a KEY=value line`);
    const value = m[2]!;
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      if (!value.slice(1).includes(quote)) open = quote;
    } else if (value.includes('#')) {
      notices.push(`${file}:${i + 1}: ${m[1]} is read up to "#" (the rest is a comment); quote the value to keep a "#" in it`);
    }
  });
  return notices;
}

export function parseDotenv(text: string, file: string, notices: string[] = []): Record<string, string> {
  notices.push(...scan(text, file));
  return parse(text);
}

/** Loads `file` into `env` (without overriding); a missing default file is fine, a missing named one is not. */
export function loadDotenv(file: string, env: NodeJS.ProcessEnv, required: boolean, warn: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string[] {
  if (!existsSync(file)) {
    if (required) throw new ConfigError(`env file not found: ${file}`);
    return [];
  }
  const notices: string[] = [];
  const vars = parseDotenv(readFileSync(file, 'utf8'), file, notices);
  notices.forEach(warn);
  const loaded: string[] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (env[k] === undefined) {
      env[k] = v;
      loaded.push(k);
    }
  }
  return loaded;
}

/** One KEY=value line dotenv reads back as exactly `value` (quoted when it has to be). */
export function dotenvLine(key: string, value: string): string {
  if (/^[\w.,:/@+%~^-]*$/.test(value)) return `${key}=${value}`;
  const quote = [`'`, '"', '`'].find((q) => !value.includes(q) && !(q === '"' && /[\r\n]/.test(value)));
  if (!quote || /[\r\n]/.test(value)) throw new ConfigError(`${key}: a value with every kind of quote or a line break cannot be written to an env file`);
  return `${key}=${quote}${value}${quote}`;
}
