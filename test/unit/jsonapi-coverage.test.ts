// The JSON:API coverage map: real statement ids, real check ids, ≥80% of black-box-testable MUSTs.
import { expect, test } from '@playwright/test';
import { ALL_CHECKS } from '../../src/checks/catalog.js';
import { NOT_BLACK_BOX, STATEMENT_CHECKS } from '../../src/checks/jsonapi/coverage.js';
import { loadCoverageReport, parseStatements } from '../../src/report/jsonapi-coverage.js';

const ids = ALL_CHECKS.map((c) => c.id);
const report = loadCoverageReport(ids);

test('the front matter is stripped and every statement is read', () => {
  expect(parseStatements('---\nversion: 1.0\n---\n{"data":[],"included":[]}')).toEqual([]);
  expect(report.summary.statements).toBeGreaterThan(150);
  expect(report.summary.must).toBeGreaterThan(100);
});

test('the map names only existing statements and checks', () => {
  const statementIds = new Set(report.statements.map((s) => s.id));
  for (const [sid, checks] of Object.entries(STATEMENT_CHECKS)) {
    expect(statementIds.has(sid), sid).toBe(true);
    for (const c of checks) expect(ids, `${sid} → ${c}`).toContain(c);
  }
  for (const sid of Object.keys(NOT_BLACK_BOX)) expect(statementIds.has(sid), sid).toBe(true);
});

test('at least 80% of the black-box-testable MUST statements are covered; the rest are listed', () => {
  expect(report.summary.percent).toBeGreaterThanOrEqual(80);
  expect(report.uncoveredMusts.length).toBe(report.summary.mustBlackBox - report.summary.mustCovered);
});
