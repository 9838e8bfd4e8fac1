// The machine-readable report (schemas/conformance-report.schema.json) and how a run's exit code
// follows from it.
import type { Keyword, Severity } from '../checks/types.js';

/**
 * pass / fail: observed behaviour judged. skip: not applicable, or a set-up gap (with the reason and
 * how to close it). inconclusive: the check ran but its evidence could not decide (never a pass).
 * error: the harness could not gather evidence (a precondition failed); never the target's failure.
 */
export type Verdict = 'pass' | 'fail' | 'skip' | 'inconclusive' | 'error';
export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'inconclusive', 'error', 'skip'];

/** The test annotation that carries a check's CheckVerdict (JSON) from the check to the reporters. */
export const VERDICT_ANNOTATION = 'verdict';

/** What one evaluation of a check concluded. Produced once (fixtures/check.ts) and carried to every
 * reporter as is: no report rebuilds a verdict from a test status or an error message. */
export interface CheckVerdict {
  verdict: Verdict;
  /** Why it failed, could not decide, could not run, or was skipped. */
  reason?: string;
  /** error: what the user can do about it. */
  fix?: string;
  /** skip: the profile lacks the feature (n/a), as opposed to a set-up gap. */
  notApplicable?: boolean;
  notes?: string[];
}

/** How a baseline (accepted-failures file, src/report/baseline.ts) judged a check: 'accepted'
 * failures do not fail the run; 'stale' entries (the check passes now, or the entry expired) should go. */
export type BaselineState = 'accepted' | 'stale';

export interface CheckResult extends CheckVerdict {
  id: string;
  title: string;
  area: string;
  specRefs: string[];
  severity: Severity;
  /** The RFC 2119 keyword of the cited sentence the severity follows (or "profile" for a profile expectation). */
  keyword?: Keyword;
  durationMs?: number;
  /** Evidence files of a check that did not pass (redacted exchanges, screenshots), relative to the reports folder. */
  attachments?: { name: string; path: string; contentType: string }[];
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
    /** Absent in reports of versions before these verdicts existed. */
    inconclusive?: number;
    errors?: number;
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
    inconclusive: checks.filter((c) => c.verdict === 'inconclusive').length,
    errors: checks.filter((c) => c.verdict === 'error').length,
    failedBySeverity,
    ...(accepted || stale ? { accepted, stale } : {}),
  };
}

/** A failure that fails the run: must/should, and not accepted by a baseline. */
export function isBlocking(c: CheckResult): boolean {
  return c.verdict === 'fail' && c.severity !== 'advisory' && c.baseline !== 'accepted';
}

/**
 * 1 when a must/should check failed; else 2 when some check ended in `error` (the harness could not
 * gather its evidence, so the run cannot vouch for it); else 0. Advisory failures are findings about
 * the deployment (e.g. the password grant is offered at all): reported everywhere, they do not fail
 * the run; nor do failures a baseline accepts. `inconclusive` never fails a run and never passes a check.
 */
export function exitCodeOf(report: ConformanceReport): 0 | 1 | 2 {
  if (report.checks.some(isBlocking)) return 1;
  return report.checks.some((c) => c.verdict === 'error') ? 2 : 0;
}

/** One line when most judged checks could not gather evidence: the cause to fix first. */
export function mostlyErrors(report: ConformanceReport): string | undefined {
  const ran = report.checks.filter((c) => c.verdict !== 'skip');
  const errors = ran.filter((c) => c.verdict === 'error');
  if (!errors.length || errors.length * 2 < ran.length) return undefined;
  const byCause = new Map<string, number>();
  for (const e of errors) byCause.set(e.reason ?? 'unknown', (byCause.get(e.reason ?? 'unknown') ?? 0) + 1);
  const [cause, n] = [...byCause].sort((a, b) => b[1] - a[1])[0]!;
  const fix = errors.find((e) => e.reason === cause)?.fix;
  return `most checks could not gather evidence (${errors.length} of ${ran.length} ended in error; ${n} of them because ${cause})${fix ? `: ${fix}` : ''}`;
}
