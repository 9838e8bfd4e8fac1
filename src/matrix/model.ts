// The compatibility matrix: every check (rows, grouped by area) against every profile (columns).
// Built from the per-profile conformance reports; pure, so it is unit-tested without runs.
import type { ConformanceReport } from '../report/model.js';
import type { CheckDef } from '../checks/types.js';
import { areaOf } from '../checks/types.js';

/** inconclusive / error: the verdicts a run reports where evidence could not decide or not be gathered. */
export type CellVerdict = 'pass' | 'fail' | 'skip' | 'n/a' | 'inconclusive' | 'error';
export type Cell = { verdict: CellVerdict; reason?: string };

export const CELL_VERDICTS: readonly CellVerdict[] = ['pass', 'fail', 'skip', 'n/a', 'inconclusive', 'error'];

export interface MatrixColumn {
  profile: string;
  vendor: string;
  versions: string;
  mode: 'conformant' | 'faithful';
  target: string;
  /** Exit code of the profile's run (0 pass, 1 a check failed, 2 the run could not be made). */
  exitCode: number;
  /** Why the run could not be made (exit 2). */
  error?: string;
  summary?: ConformanceReport['summary'];
}

export interface MatrixRow {
  id: string;
  title: string;
  area: string;
  severity: string;
  specRefs: string[];
  cells: Record<string, Cell>;
}

export interface Matrix {
  generatedAt: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

export function buildMatrix(
  checks: readonly Pick<CheckDef<never>, 'id' | 'title' | 'severity' | 'specRefs'>[],
  runs: readonly { column: MatrixColumn; report?: ConformanceReport }[],
  now = new Date(),
): Matrix {
  const rows: MatrixRow[] = checks.map((c) => ({
    id: c.id,
    title: c.title,
    area: areaOf(c.id),
    severity: c.severity,
    specRefs: [...c.specRefs],
    cells: {},
  }));
  for (const { column, report } of runs) {
    const byId = new Map((report?.checks ?? []).map((r) => [r.id, r]));
    for (const row of rows) {
      const r = byId.get(row.id);
      let cell: Cell;
      if (!r) cell = { verdict: 'skip', reason: column.error ? `the run could not be made: ${column.error}` : 'not run' };
      // A skip that comes from the profile itself (what the CRM does not have) is "n/a"; a skip for
      // want of credentials, time or an admin is a real "skip" the user can act on.
      else if (r.verdict === 'skip') cell = { verdict: r.notApplicable ? 'n/a' : 'skip', ...(r.reason ? { reason: r.reason } : {}) };
      else cell = { verdict: r.verdict, ...(r.reason ? { reason: r.reason } : {}) };
      row.cells[column.profile] = cell;
    }
  }
  rows.sort((a, b) => a.area.localeCompare(b.area) || a.id.localeCompare(b.id));
  return { generatedAt: now.toISOString(), columns: runs.map((r) => r.column), rows };
}

/** Per profile: how many cells of each verdict (the summary rows above the per-check table). */
export function columnCounts(m: Matrix): Record<string, Record<CellVerdict, number>> {
  const out: Record<string, Record<CellVerdict, number>> = {};
  for (const c of m.columns) out[c.profile] = Object.fromEntries(CELL_VERDICTS.map((v) => [v, 0])) as Record<CellVerdict, number>;
  for (const r of m.rows) for (const [profile, cell] of Object.entries(r.cells)) if (out[profile]) out[profile][cell.verdict]++;
  return out;
}
