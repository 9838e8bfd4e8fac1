// The upgrade gate's judgement: two conformance reports (before/after an upgrade) → what broke,
// what got fixed, what is new or gone, which skips changed, which failures fail differently now;
// baselined failures are 'accepted'.
import type { Severity } from '../checks/types.js';
import type { BaselineState, CheckResult, ConformanceReport, Verdict } from '../report/model.js';
import { sameSubstance } from './substance.js';

export type ChangeKind = 'regression' | 'accepted' | 'failing-differently' | 'fix' | 'new' | 'removed' | 'skip-changed' | 'still-failing' | 'unchanged';

/** Display order and headings (console, Markdown, HTML). */
export const SECTIONS: readonly { kind: ChangeKind; title: string; blurb: string }[] = [
  { kind: 'regression', title: 'Regressions', blurb: 'passed before, fail now: these fail the gate' },
  { kind: 'accepted', title: 'Accepted regressions', blurb: 'pass → fail, accepted by the baseline: they do not fail the gate' },
  {
    kind: 'failing-differently',
    title: 'Still failing, differently',
    blurb: 'failed before and after, for a reason that changed in substance (ids and counts aside): a regression can hide inside a check that already failed',
  },
  { kind: 'fix', title: 'Fixed', blurb: 'failed before, pass now' },
  { kind: 'new', title: 'New checks', blurb: 'only in the after report' },
  { kind: 'removed', title: 'Removed checks', blurb: 'only in the before report' },
  { kind: 'skip-changed', title: 'Changed skips', blurb: 'not judged on one side (skipped, inconclusive or error): not proven either way' },
  { kind: 'still-failing', title: 'Still failing', blurb: 'failed before and after' },
];

export interface CheckChange {
  id: string;
  title: string;
  severity: Severity;
  specRefs: string[];
  kind: ChangeKind;
  before?: Verdict;
  after?: Verdict;
  /** Why the check fails or is skipped now (else why it did before). */
  reason?: string;
  /** failing-differently: why it failed before. */
  beforeReason?: string;
  baseline?: BaselineState;
  baselineNote?: string;
}

export interface Side {
  file: string;
  report: ConformanceReport;
}

export interface Comparison {
  before: Side;
  after: Side;
  changes: CheckChange[];
  counts: Record<ChangeKind, number>;
  /** After-report checks whose baseline entry is stale (passes now, or expired). */
  stale: CheckChange[];
  exitCode: 0 | 1;
}

/** `sameReason`: whether a failure on both sides failed for the same reason in substance. */
export function classify(before: Verdict | undefined, after: Verdict | undefined, afterBaseline?: BaselineState, sameReason = true): ChangeKind {
  if (before === undefined) return 'new';
  if (after === undefined) return 'removed';
  if (before === after) return after !== 'fail' ? 'unchanged' : sameReason ? 'still-failing' : 'failing-differently';
  // A side that could not judge (skip, inconclusive, error) proves neither a regression nor a fix.
  const unjudged = (v: Verdict) => v === 'skip' || v === 'inconclusive' || v === 'error';
  if (unjudged(before) || unjudged(after)) return 'skip-changed';
  if (after === 'fail') return afterBaseline === 'accepted' ? 'accepted' : 'regression';
  return 'fix';
}

function changeOf(b: CheckResult | undefined, a: CheckResult | undefined): CheckChange {
  const c = (a ?? b)!;
  const reason = a?.reason ?? b?.reason;
  const kind = classify(b?.verdict, a?.verdict, a?.baseline, sameSubstance(b?.reason, a?.reason));
  return {
    id: c.id,
    title: c.title,
    severity: c.severity,
    specRefs: c.specRefs,
    kind,
    ...(b ? { before: b.verdict } : {}),
    ...(a ? { after: a.verdict } : {}),
    ...(reason ? { reason } : {}),
    ...(kind === 'failing-differently' && b?.reason ? { beforeReason: b.reason } : {}),
    ...(a?.baseline ? { baseline: a.baseline } : {}),
    ...(a?.baselineNote ? { baselineNote: a.baselineNote } : {}),
  };
}

export function compareReports(before: Side, after: Side): Comparison {
  const b = new Map(before.report.checks.map((c) => [c.id, c]));
  const a = new Map(after.report.checks.map((c) => [c.id, c]));
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
  const changes = ids.map((id) => changeOf(b.get(id), a.get(id)));
  const counts = Object.fromEntries(['unchanged', ...SECTIONS.map((s) => s.kind)].map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  return {
    before,
    after,
    changes,
    counts,
    stale: changes.filter((c) => c.baseline === 'stale'),
    exitCode: counts.regression ? 1 : 0,
  };
}

export function verdictLine(c: Comparison): string {
  const n = c.counts;
  const parts = [
    `${n.regression} regression${n.regression === 1 ? '' : 's'}`,
    `${n.accepted} accepted`,
    `${n.fix} fixed`,
    `${n['failing-differently']} failing differently`,
    `${n.new} new`,
    `${n.removed} removed`,
    `${n['skip-changed']} changed skip${n['skip-changed'] === 1 ? '' : 's'}`,
    `${c.stale.length} stale baseline entr${c.stale.length === 1 ? 'y' : 'ies'}`,
  ];
  return `${c.exitCode ? 'FAIL' : 'PASS'}: ${parts.join(', ')}`;
}
