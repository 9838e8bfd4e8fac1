// reports/jsonapi-coverage.json: JSON:API 1.0 normative statements (by id, level and a link to the
// spec's section) → the checks that test them, and the black-box-testable MUSTs no check covers.
import { NOT_BLACK_BOX, STATEMENT_CHECKS } from '../checks/jsonapi/coverage.js';
import { JSONAPI_FORMAT, SECTIONS, STATEMENTS, type StatementRef } from '../checks/jsonapi/statements.js';

/** Annotation naming the OpenAPI operations a test's exchanges addressed (openapi-coverage.json). */
export const OPERATIONS_ANNOTATION = 'openapi-operations';
/** Annotation carrying an OpenAPI document's source and every operation it describes ("source\nop,op,…"). */
export const DOCUMENT_ANNOTATION = 'openapi-document';

export interface CoverageRow {
  id: string;
  level: string;
  /** Title of the format-page section. */
  section: string;
  link: string;
  checks: readonly string[];
  blackBox: boolean;
  why?: string;
}

export interface CoverageReport {
  source: string;
  summary: { statements: number; must: number; mustBlackBox: number; mustCovered: number; percent: number };
  statements: CoverageRow[];
  uncoveredMusts: { id: string; section: string; link: string }[];
}

export function coverageReport(checkIds: readonly string[], statements: readonly StatementRef[] = STATEMENTS): CoverageReport {
  const known = new Set(checkIds);
  const rows: CoverageRow[] = statements.map((s) => {
    const checks = (STATEMENT_CHECKS[s.id] ?? []).filter((c) => known.has(c));
    const why = NOT_BLACK_BOX[s.id];
    return { id: s.id, level: s.level, section: SECTIONS[s.section]?.title ?? s.section, link: s.link, checks, blackBox: !why, ...(why ? { why } : {}) };
  });
  const musts = rows.filter((r) => r.level === 'MUST');
  const testable = musts.filter((r) => r.blackBox);
  const covered = testable.filter((r) => r.checks.length > 0);
  return {
    source: `JSON:API 1.0 normative statements (${JSONAPI_FORMAT})`,
    summary: {
      statements: rows.length,
      must: musts.length,
      mustBlackBox: testable.length,
      mustCovered: covered.length,
      percent: Math.round((covered.length / Math.max(1, testable.length)) * 1000) / 10,
    },
    statements: rows,
    uncoveredMusts: testable.filter((r) => !r.checks.length).map(({ id, section, link }) => ({ id, section, link })),
  };
}
