// Baselines: accepted failures stay failures but do not fail the run; stale entries are named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ConfigError } from '../../src/config/errors.js';
import { applyBaseline, baselineAnnotation, baselineFromReport, judge, loadBaseline } from '../../src/report/baseline.js';
import { exitCodeOf } from '../../src/report/model.js';
import { validate } from '../../src/schema/validate.js';
import { check, report } from './reports.js';

const entry = { checkId: 'bearer.missing-token-challenge', reason: 'SuiteCRM sends no challenge' };

test('judge: a failure is accepted, a pass or an expired entry is stale, a skip is neither', () => {
  expect(judge(entry, 'fail', '2026-01-01')).toEqual({ state: 'accepted', note: 'accepted by baseline: SuiteCRM sends no challenge' });
  expect(judge(entry, 'pass', '2026-01-01')?.state).toBe('stale');
  expect(judge({ ...entry, expires: '2026-01-01' }, 'fail', '2026-01-01')?.state).toBe('accepted');
  const expired = judge({ ...entry, expires: '2026-01-01' }, 'fail', '2026-01-02');
  expect(expired?.state).toBe('stale');
  expect(expired?.note).toContain('expired on 2026-01-01, so this failure counts again');
  expect(judge(entry, 'skip', '2026-01-01')).toBeUndefined();
  expect(judge(undefined, 'fail', '2026-01-01')).toBeUndefined();
});

test('an entry that remembers its failure accepts that failure only, ids and counts aside', () => {
  const remembering = { ...entry, failure: 'HTTP 401 without a WWW-Authenticate header (record 0c9a0b5e-1d6a-4c5e-9d7a-2f1e3b4c5d6e)' };
  expect(judge(remembering, 'fail', '2026-01-01', 'HTTP 401 without a WWW-Authenticate header (record 7f00aa11-0000-4c5e-9d7a-aaaaaaaaaaaa)')?.state).toBe('accepted');
  const changed = judge(remembering, 'fail', '2026-01-01', 'HTTP 500 text/html (HTML page)');
  expect(changed?.state).toBe('stale');
  expect(changed?.note).toBe(
    `baselined for another failure ("${remembering.failure}"), fails now with "HTTP 500 text/html (HTML page)", so this failure counts again: SuiteCRM sends no challenge`,
  );
  // an entry without a remembered failure (written by hand, or by an older version) accepts any failure
  expect(judge(entry, 'fail', '2026-01-01', 'HTTP 500 text/html (HTML page)')?.state).toBe('accepted');
  // the run fails again on the changed failure, in every report
  const r = report([check('bearer.missing-token-challenge', 'fail', { reason: 'HTTP 500 text/html (HTML page)' })]);
  const applied = applyBaseline(r, { entries: [remembering] }, '2026-01-01');
  expect(applied.checks[0]).toMatchObject({ verdict: 'fail', baseline: 'stale' });
  expect(validate('conformance-report', applied)).toEqual({ valid: true });
  expect(exitCodeOf(applied)).toBe(1);
  expect(baselineAnnotation([remembering], entry.checkId, 'suitecrm-7.14', 'fail', 'HTTP 500 text/html (HTML page)')?.description).toMatch(/^stale: baselined for another failure/);
});

test('applyBaseline marks checks, keeps verdicts, and only unaccepted failures fail the run', () => {
  const r = report([check('bearer.missing-token-challenge', 'fail'), check('bearer.invalid-token-401', 'pass'), check('oauth2.errors.no-server-error', 'fail')]);
  expect(exitCodeOf(r)).toBe(1);
  const accepted = applyBaseline(r, { entries: [entry, { checkId: 'bearer.invalid-token-401', reason: 'old' }, { checkId: 'oauth2.errors.no-server-error', reason: 'x', profile: 'sugarcrm-14' }] }, '2026-01-01');
  expect(validate('conformance-report', accepted)).toEqual({ valid: true });
  expect(accepted.checks.map((c) => [c.id, c.verdict, c.baseline])).toEqual([
    ['bearer.missing-token-challenge', 'fail', 'accepted'],
    ['bearer.invalid-token-401', 'pass', 'stale'],
    // another profile's entry does not apply
    ['oauth2.errors.no-server-error', 'fail', undefined],
  ]);
  expect(accepted.summary).toMatchObject({ failed: 2, accepted: 1, stale: 1 });
  expect(accepted.baseline).toEqual({ entries: 3, accepted: 1, stale: 1 });
  expect(exitCodeOf(accepted)).toBe(1);
  const all = applyBaseline(r, { entries: [entry, { checkId: 'oauth2.errors.no-server-error', reason: 'x', profile: 'suitecrm-7.14' }] }, '2026-01-01');
  expect(exitCodeOf(all)).toBe(0);
});

test('the check wrapper annotation says accepted or stale with the reason', () => {
  expect(baselineAnnotation([entry], entry.checkId, 'suitecrm-7.14', 'fail')).toEqual({ type: 'baseline', description: 'accepted: accepted by baseline: SuiteCRM sends no challenge' });
  expect(baselineAnnotation([entry], entry.checkId, 'suitecrm-7.14', 'pass')?.description).toMatch(/^stale: .*passes now/);
  expect(baselineAnnotation(undefined, entry.checkId, 'suitecrm-7.14', 'fail')).toBeUndefined();
});

test('baselineFromReport accepts every failure of the report, and validates', () => {
  const r = report([check('bearer.missing-token-challenge', 'fail'), check('bearer.invalid-token-401', 'pass')], { profile: '/x/profiles/suitecrm-7.14.json' });
  const b = baselineFromReport(r, { expires: '2027-01-31' });
  expect(validate('baseline', b)).toEqual({ valid: true });
  expect(b.entries).toEqual([
    { checkId: 'bearer.missing-token-challenge', reason: 'known departure: bearer.missing-token-challenge went wrong', failure: 'bearer.missing-token-challenge went wrong', expires: '2027-01-31', profile: 'suitecrm-7.14' },
  ]);
  // a profile given as a file path still matches its entries
  expect(applyBaseline(r, b, '2026-01-01').checks[0]!.baseline).toBe('accepted');
});

test('loadBaseline: one line for unreadable, schema-invalid and duplicate entries', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baseline-'));
  const file = (name: string, body: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, body);
    return p;
  };
  expect(() => loadBaseline(path.join(dir, 'missing.json'))).toThrow(ConfigError);
  expect(() => loadBaseline(file('bad.json', '{'))).toThrow(/cannot read baseline/);
  expect(() => loadBaseline(file('schema.json', JSON.stringify({ entries: [{ checkId: 'x', reason: '' }] })))).toThrow(/is invalid .*\/entries\/0\/checkId: pattern/);
  expect(() => loadBaseline(file('date.json', JSON.stringify({ entries: [{ ...entry, expires: 'soon' }] })))).toThrow(/expires: format/);
  expect(() => loadBaseline(file('dup.json', JSON.stringify({ entries: [entry, entry] })))).toThrow(/lists bearer.missing-token-challenge twice/);
  expect(loadBaseline(file('ok.json', JSON.stringify({ entries: [entry] }))).entries).toHaveLength(1);
});
