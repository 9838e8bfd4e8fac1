// What a self-test target must show, check by check, and how a verdict disagrees with it. One rule
// for the matrix (all targets in one test) and the per-project mode.
import type { Expectation } from '../target/faults/types.js';
import type { CheckVerdict } from '../report/model.js';

/** One target of the self-test: conformant, faithful, or one fault switched on. */
export interface MatrixEntry {
  name: string;
  mode: 'conformant' | 'faithful';
  faults: string[];
  /** The checks this target must fail (each for the declared reason) or leave inconclusive; every
   * other check must not fail. */
  expect: Expectation[];
  /** Expected checks that may skip here (declared by the fault). */
  skips?: string[];
}

/** Why the verdict disagrees with the entry's declarations, or undefined when it agrees. */
export function disagreement(entry: MatrixEntry, id: string, v: CheckVerdict): string | undefined {
  const want = entry.expect.find((e) => e.id === id);
  const got = `${v.verdict}${v.reason ? `: ${v.reason}` : ''}`;
  if (v.verdict === 'skip') {
    // A check the profile lacks (n/a) cannot show anything; any other skip of an expected check must be declared.
    return want && !v.notApplicable && !entry.skips?.includes(id) ? `expected ${want.verdict}, but skipped (declare it in the fault's skips if it cannot apply): ${v.reason}` : undefined;
  }
  if (want) {
    if (v.verdict !== want.verdict) return `expected ${want.verdict}, got ${got}`;
    if (!new RegExp(want.reason).test(v.reason ?? '')) return `${v.verdict} for another reason than the fault declares (/${want.reason}/): ${v.reason}`;
    return undefined;
  }
  if (v.verdict === 'fail') return `collateral failure: ${v.reason}`;
  // A fault may break another check's set-up; a target without injected faults must be judged whole.
  if ((v.verdict === 'error' || v.verdict === 'inconclusive') && entry.faults.length === 0 && entry.mode === 'conformant') return `the conformant target must be judged, got ${got}`;
  return undefined;
}

/** Whether a failure proves the check: it failed as expected, for the declared reason. */
export function proves(entry: MatrixEntry, id: string, v: CheckVerdict): boolean {
  const want = entry.expect.find((e) => e.id === id && e.verdict === 'fail');
  return !!want && v.verdict === 'fail' && new RegExp(want.reason).test(v.reason ?? '');
}
