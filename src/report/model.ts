// The machine-readable report (schemas/conformance-report.schema.json) and how a run's exit code
// follows from it.
import type { Severity } from '../checks/types.js';

export type Verdict = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  area: string;
  specRefs: string[];
  severity: Severity;
  verdict: Verdict;
  reason?: string;
  notes?: string[];
  durationMs?: number;
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
  };
  checks: CheckResult[];
}

export function summarize(checks: readonly CheckResult[]): ConformanceReport['summary'] {
  const failedBySeverity: Partial<Record<Severity, number>> = {};
  for (const c of checks) if (c.verdict === 'fail') failedBySeverity[c.severity] = (failedBySeverity[c.severity] ?? 0) + 1;
  return {
    total: checks.length,
    passed: checks.filter((c) => c.verdict === 'pass').length,
    failed: checks.filter((c) => c.verdict === 'fail').length,
    skipped: checks.filter((c) => c.verdict === 'skip').length,
    failedBySeverity,
  };
}

/** 0 when every check passed or was skipped, 1 when a must/should check failed. Advisory
 * failures are findings about the deployment (e.g. the password grant is offered at all): they
 * are reported everywhere but do not fail the run. */
export function exitCodeOf(report: ConformanceReport): 0 | 1 {
  return report.checks.some((c) => c.verdict === 'fail' && c.severity !== 'advisory') ? 1 : 0;
}
