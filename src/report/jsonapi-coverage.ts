// reports/jsonapi-coverage.json: JSON:API 1.0 normative statements → the checks that test them, and
// the black-box-testable MUSTs no check covers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NOT_BLACK_BOX, STATEMENT_CHECKS } from '../checks/jsonapi/coverage.js';
import { SHARED_DIR } from '../paths.js';

export const STATEMENTS_FILE = path.join(SHARED_DIR, 'reference', 'jsonapi', '_format', '1.0', 'normative-statements.json');

export interface Statement {
  id: string;
  level: string;
  section: string;
  description: string;
}

/** The statements document is JSON:API behind a `---` … `---` front matter. */
export function parseStatements(text: string): Statement[] {
  const body = text.replace(/^\s*---[\s\S]*?\n---\s*\n/, '');
  const doc = JSON.parse(body) as {
    data: { id: string; attributes: { title: string }; relationships: { statements: { data: { id: string }[] } } }[];
    included: { id: string; attributes: { level: string; description: string } }[];
  };
  const section = new Map<string, string>();
  for (const s of doc.data) for (const r of s.relationships.statements.data) if (!section.has(r.id)) section.set(r.id, s.attributes.title);
  return doc.included.map((x) => ({ id: x.id, level: x.attributes.level, section: section.get(x.id) ?? '', description: x.attributes.description }));
}

export interface CoverageReport {
  source: string;
  summary: { statements: number; must: number; mustBlackBox: number; mustCovered: number; percent: number };
  statements: (Statement & { checks: readonly string[]; blackBox: boolean; why?: string })[];
  uncoveredMusts: { id: string; section: string; description: string }[];
}

export function coverageReport(statements: readonly Statement[], checkIds: readonly string[]): CoverageReport {
  const known = new Set(checkIds);
  const rows = statements.map((s) => {
    const checks = (STATEMENT_CHECKS[s.id] ?? []).filter((c) => known.has(c));
    const why = NOT_BLACK_BOX[s.id];
    return { ...s, checks, blackBox: !why, ...(why ? { why } : {}) };
  });
  const musts = rows.filter((r) => r.level === 'MUST');
  const testable = musts.filter((r) => r.blackBox);
  const covered = testable.filter((r) => r.checks.length > 0);
  return {
    source: path.relative(process.cwd(), STATEMENTS_FILE),
    summary: {
      statements: rows.length,
      must: musts.length,
      mustBlackBox: testable.length,
      mustCovered: covered.length,
      percent: Math.round((covered.length / Math.max(1, testable.length)) * 1000) / 10,
    },
    statements: rows,
    uncoveredMusts: testable.filter((r) => !r.checks.length).map(({ id, section, description }) => ({ id, section, description })),
  };
}

export function loadCoverageReport(checkIds: readonly string[]): CoverageReport {
  return coverageReport(parseStatements(readFileSync(STATEMENTS_FILE, 'utf8')), checkIds);
}
