// Reading a reports/conformance.json someone hands us (compare, merge, baseline): unreadable or
// schema-invalid input is one ConfigError line (exit 2).
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/errors.js';
import { validate } from '../schema/validate.js';
import type { ConformanceReport } from './model.js';

export function readReport(file: string): ConformanceReport {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ConfigError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message.split('\n')[0]}`);
  }
  const v = validate('conformance-report', raw);
  if (!v.valid) throw new ConfigError(`${file} is not a crm-conformance report (schemas/conformance-report.schema.json): ${v.errors}`);
  return raw as ConformanceReport;
}
