// Minimal .env reader: KEY=value lines, optional quotes, # comments. Existing variables win.
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from './errors.js';

export function parseDotenv(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(t);
    if (!m) throw new ConfigError(`${file}:${i + 1} is not a KEY=value line`);
    let v = m[2]!;
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
    out[m[1]!] = v;
  });
  return out;
}

/** Loads `file` into `env` (without overriding); a missing default file is fine, a missing named one is not. */
export function loadDotenv(file: string, env: NodeJS.ProcessEnv, required: boolean): string[] {
  if (!existsSync(file)) {
    if (required) throw new ConfigError(`env file not found: ${file}`);
    return [];
  }
  const vars = parseDotenv(readFileSync(file, 'utf8'), file);
  const loaded: string[] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (env[k] === undefined) {
      env[k] = v;
      loaded.push(k);
    }
  }
  return loaded;
}
