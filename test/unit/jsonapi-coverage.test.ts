// The JSON:API coverage map: real statement ids, real check ids, ≥80% of black-box-testable MUSTs;
// the in-repo statement index (ids, levels, sections, links) agrees with the official one where
// ../shared has it.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ALL_CHECKS } from '../../src/checks/catalog.js';
import { NOT_BLACK_BOX, STATEMENT_CHECKS } from '../../src/checks/jsonapi/coverage.js';
import { STATEMENTS } from '../../src/checks/jsonapi/statements.js';
import { coverageReport } from '../../src/report/jsonapi-coverage.js';
import { specLink } from '../../src/report/spec-links.js';
import { sharedFile } from '../shared.js';

const ids = ALL_CHECKS.map((c) => c.id);
const report = coverageReport(ids);

test('every statement is indexed with its level and a link to its section of the format page', () => {
  expect(report.summary.statements).toBeGreaterThan(150);
  expect(report.summary.must).toBeGreaterThan(100);
  for (const s of report.statements) {
    expect(s.link, s.id).toMatch(/^https:\/\/jsonapi\.org\/format\/1\.0\/#[a-z-]+$/);
    expect(Object.keys(s), s.id).not.toContain('description');
  }
  expect(report.statements.find((s) => s.id === 'pagination-keys')?.link).toBe(specLink('JSON:API 1.0 §Pagination'));
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

test('the statement index agrees with the official one (ids, levels, sections, order)', () => {
  const text = readFileSync(sharedFile('reference/jsonapi/_format/1.0/normative-statements.json'), 'utf8');
  // The official file is JSON:API behind a `---` … `---` front matter.
  const doc = JSON.parse(text.replace(/^\s*---[\s\S]*?\n---\s*\n/, '')) as {
    included: { id: string; attributes: { level: string }; relationships: { section: { data: { id: string } } } }[];
  };
  const official = doc.included.map((x) => `${x.relationships.section.data.id} ${x.attributes.level} ${x.id}`);
  expect(STATEMENTS.map((s) => `${s.section} ${s.level} ${s.id}`)).toEqual(official);
});
