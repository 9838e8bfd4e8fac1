// Synthetic conformance reports for the unit tests of compare, baseline, merge and SARIF, and the
// SARIF 2.1.0 validator (also used by the CLI tests on real runs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import type { CheckResult, ConformanceReport, Verdict } from '../../src/report/model.js';
import { summarize } from '../../src/report/model.js';

export function check(id: string, verdict: Verdict, extra: Partial<CheckResult> = {}): CheckResult {
  return {
    id,
    title: `title of ${id}`,
    area: id.split('.')[0]!,
    specRefs: ['RFC 6749 §5.2'],
    severity: 'must',
    verdict,
    ...(verdict === 'fail' ? { reason: `${id} went wrong` } : verdict === 'skip' ? { reason: 'not applicable' } : {}),
    ...extra,
  };
}

export function report(checks: CheckResult[], target: Partial<ConformanceReport['target']> = {}, startedAt = '2026-01-01T10:00:00.000Z'): ConformanceReport {
  return {
    tool: { name: 'crm-conformance', version: '0.1.0' },
    target: { kind: 'embedded', baseUrl: 'http://127.0.0.1 (embedded)', profile: 'suitecrm-7.14', mode: 'conformant', ...target },
    startedAt,
    durationMs: 1000,
    summary: summarize(checks),
    checks,
  };
}

/**
 * The official SARIF 2.1.0 schema (rtm.5, the one GitHub code scanning accepts) as the dev
 * dependency @microsoft/jest-sarif ships it, compiled with ajv 8.
 */
export function sarifValidator(): ValidateFunction {
  const file = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // draft-04 → ajv 8: the schema's only draft-04 keyword is its top-level `id`.
  const { $schema: _draft, id, ...rest } = schema;
  // unicodeRegExp off: the schema's language pattern has a stray ']' that only non-unicode regexps accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  formats.default(ajv);
  return ajv.compile({ ...rest, $id: id as string });
}
