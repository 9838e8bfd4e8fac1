// --config FILE: non-secret settings, validated by schemas/config.schema.json.
import { readFileSync } from 'node:fs';
import { validate } from '../schema/validate.js';
import { ConfigError } from './errors.js';

export interface ConfigFile {
  baseUrl?: string;
  profile?: string;
  mode?: 'conformant' | 'faithful';
  faults?: string[];
  maxWait?: number;
  workers?: number;
  reportsDir?: string;
  httpTimeoutMs?: number;
  maxBodyBytes?: number;
  retries?: number;
  retryAfterMax?: number;
  preflightTimeoutMs?: number;
  accessTokenTtl?: number;
  refreshTokenTtl?: number;
}

export function loadConfigFile(file: string): ConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ConfigError(err.code ? `cannot read config file ${file}: ${err.code}` : `config file ${file} is not valid JSON: ${err.message}`);
  }
  const res = validate('config', raw);
  if (!res.valid) throw new ConfigError(`config file ${file} is invalid: ${res.errors}`);
  return raw as ConfigFile;
}
