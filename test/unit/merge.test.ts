// Merging shard reports: every check once, the same target, the summary recomputed.
import { expect, test } from '@playwright/test';
import { mergeReports } from '../../src/report/merge.js';
import { validate } from '../../src/schema/validate.js';
import { check, report } from './reports.js';

test('parts merge into one report sorted by id with a recomputed summary', () => {
  const a = report([check('oauth2.errors.no-server-error', 'fail'), check('bearer.invalid-token-401', 'pass')], {}, '2026-01-01T10:00:00.000Z');
  const b = report([check('bearer.missing-token-challenge', 'skip')], {}, '2026-01-01T10:00:02.000Z');
  const m = mergeReports([{ file: 'shard-1/conformance.json', report: a }, { file: 'shard-2/conformance.json', report: b }]);
  expect(validate('conformance-report', m)).toEqual({ valid: true });
  expect(m.checks.map((c) => c.id)).toEqual(['bearer.invalid-token-401', 'bearer.missing-token-challenge', 'oauth2.errors.no-server-error']);
  expect(m.summary).toMatchObject({ total: 3, passed: 1, failed: 1, skipped: 1 });
  expect(m.startedAt).toBe('2026-01-01T10:00:00.000Z');
  expect(m.durationMs).toBe(3000);
});

test('parts of different targets, overlapping parts and no parts are refused', () => {
  const a = report([check('bearer.invalid-token-401', 'pass')]);
  const faithful = report([check('bearer.missing-token-challenge', 'pass')], { mode: 'faithful' });
  expect(() => mergeReports([{ file: 'a', report: a }, { file: 'b', report: faithful }])).toThrow(/b is a run of another target/);
  expect(() => mergeReports([{ file: 'a', report: a }, { file: 'b', report: a }])).toThrow(/bearer.invalid-token-401 is in both a and b/);
  expect(() => mergeReports([])).toThrow(/no conformance.json/);
});
