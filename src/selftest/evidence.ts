// The self-test records what each check judged on each matrix target, so the mutation step
// (bin/run-tests.mjs) can re-judge it without a target: once with the real evaluate() (the verdict
// must come back the same: a check is a pure function of its evidence) and once with evaluate()
// replaced by `pass` (some fault row must then turn red, else the check proves nothing).
// The evidence holds the embedded targets' canary tokens, so it lives in a temporary folder outside
// reports/ (CRM_SELFTEST_EVIDENCE_DIR) that the test runner deletes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Outcome } from '../checks/types.js';
import type { CheckVerdict } from '../report/model.js';
import type { MatrixEntry } from './expect.js';

export const EVIDENCE_DIR_ENV = 'CRM_SELFTEST_EVIDENCE_DIR';

export interface RecordedEvidence {
  profile: string;
  check: string;
  /** Matrix entry name → what the entry declares for this check, the verdict it got, and (where
   * evaluate() ran) the evidence it judged and its unmasked outcome. */
  entries: Record<string, { entry: MatrixEntry; verdict: CheckVerdict; outcome?: Outcome; evidence?: unknown }>;
}

/** JSON with tags for what JSON loses (Buffers, Dates, Maps, Sets, undefined, bigints, RegExps). */
function encode(value: unknown): unknown {
  if (value === undefined) return { $t: 'undefined' };
  if (typeof value === 'bigint') return { $t: 'bigint', v: value.toString() };
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw new TypeError('evidence must be data, not a function');
    return value;
  }
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $t: 'bytes', v: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return { $t: 'date', v: value.toISOString() };
  if (value instanceof RegExp) return { $t: 'regexp', v: value.source, f: value.flags };
  if (value instanceof URL) return { $t: 'url', v: value.href };
  if (value instanceof Map) return { $t: 'map', v: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  if (value instanceof Set) return { $t: 'set', v: [...value].map(encode) };
  if (Array.isArray(value)) return value.map(encode);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
  // A literal "$t" key would be read back as a tag.
  return '$t' in out ? { $t: 'object', v: out } : out;
}

export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  switch (o.$t) {
    case 'undefined': return undefined;
    case 'bigint': return BigInt(o.v as string);
    case 'bytes': return Buffer.from(o.v as string, 'base64');
    case 'date': return new Date(o.v as string);
    case 'regexp': return new RegExp(o.v as string, o.f as string);
    case 'url': return new URL(o.v as string);
    case 'map': return new Map((o.v as unknown[][]).map(([k, v]) => [decode(k), decode(v)]));
    case 'set': return new Set((o.v as unknown[]).map(decode));
    case 'object': return Object.fromEntries(Object.entries(o.v as Record<string, unknown>).map(([k, v]) => [k, decode(v)]));
    default: return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
  }
}

export function recordEvidence(profile: string, check: string, entries: RecordedEvidence['entries']): void {
  const dir = process.env[EVIDENCE_DIR_ENV];
  if (!dir) return;
  const folder = path.join(dir, profile);
  mkdirSync(folder, { recursive: true });
  const record = { profile, check, entries: encode(entries) };
  writeFileSync(path.join(folder, `${check}.json`), JSON.stringify(record));
}

export function readEvidence(dir: string): RecordedEvidence[] {
  const out: RecordedEvidence[] = [];
  for (const profile of readdirSync(dir)) {
    for (const file of readdirSync(path.join(dir, profile))) {
      const raw = JSON.parse(readFileSync(path.join(dir, profile, file), 'utf8')) as { profile: string; check: string; entries: unknown };
      out.push({ profile: raw.profile, check: raw.check, entries: decode(raw.entries) as RecordedEvidence['entries'] });
    }
  }
  return out;
}
