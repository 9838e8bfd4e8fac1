// The machine-readable report (schemas/conformance-report.schema.json) and how a run's exit code
// follows from it.
import type { Severity } from '../checks/types.js';

export type Verdict = 'pass' | 'fail' | 'skip';

/** How a baseline (accepted-failures file, src/report/baseline.ts) judged a check: 'accepted'
 * failures do not fail the run; 'stale' entries (the check passes now, or the entry expired) should go. */
export type BaselineState = 'accepted' | 'stale';

export interface CheckResult {
  id: string;
  title: string;
  area: string;
  specRefs: string[];
  severity: Severity;
  verdict: Verdict;
  reason?: string;
  /** A skip because the profile does not have the feature (the matrix shows n/a), not because of the set-up. */
  notApplicable?: boolean;
  notes?: string[];
  durationMs?: number;
  /** Only when a baseline was applied and names this check; the verdict itself never changes. */
  baseline?: BaselineState;
  baselineNote?: string;
}

export interface TargetInfo {
  kind: 'embedded' | 'url' | 'container';
  baseUrl: string;
  profile: string;
  mode?: 'conformant' | 'faithful';
  faults?: string[];
}

export interface ConformanceReport {
  tool: { name: 'crm-conformance'; version: string };
  target: TargetInfo;
  startedAt: string;
  durationMs: number;
  summary: {
    total: number;
    passed: number;
    failed: number;
    skipped: number;
    failedBySeverity?: Partial<Record<Severity, number>>;
    /** Failures accepted by the baseline, and stale baseline entries (only when a baseline was applied). */
    accepted?: number;
    stale?: number;
  };
  checks: CheckResult[];
  /** The baseline applied to this run, if any. */
  baseline?: { entries: number; accepted: number; stale: number };
}

export function summarize(checks: readonly CheckResult[]): ConformanceReport['summary'] {
  const failedBySeverity: Partial<Record<Severity, number>> = {};
  for (const c of checks) if (c.verdict === 'fail') failedBySeverity[c.severity] = (failedBySeverity[c.severity] ?? 0) + 1;
  const accepted = checks.filter((c) => c.baseline === 'accepted').length;
  const stale = checks.filter((c) => c.baseline === 'stale').length;
  return {
    total: checks.length,
    passed: checks.filter((c) => c.verdict === 'pass').length,
    failed: checks.filter((c) => c.verdict === 'fail').length,
    skipped: checks.filter((c) => c.verdict === 'skip').length,
    failedBySeverity,
    ...(accepted || stale ? { accepted, stale } : {}),
  };
}

/** A failure that fails the run: must/should, and not accepted by a baseline. */
export function isBlocking(c: CheckResult): boolean {
  return c.verdict === 'fail' && c.severity !== 'advisory' && c.baseline !== 'accepted';
}

/** 0 when every check passed or was skipped, 1 when a must/should check failed. Advisory
 * failures are findings about the deployment (e.g. the password grant is offered at all): they
 * are reported everywhere but do not fail the run; nor do failures a baseline accepts. */
export function exitCodeOf(report: ConformanceReport): 0 | 1 {
  return report.checks.some(isBlocking) ? 1 : 0;
}
