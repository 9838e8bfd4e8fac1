// The suite mutated: for every check, its recorded evidence (src/selftest/evidence.ts) is judged
// again, first by the real evaluate() — the verdict must come back unchanged, since a check is a
// pure function of its evidence — then by a mutant whose evaluate() always passes: some self-test
// target must then disagree with its declarations (the mutant is "killed"). A check whose mutant
// survives could be deleted without the self-test noticing: it proves nothing.
import type { CheckDef, Outcome } from '../checks/types.js';
import { pass } from '../checks/types.js';
import { disagreement } from './expect.js';
import type { RecordedEvidence } from './evidence.js';

export interface MutationResult {
  checks: number;
  killed: string[];
  /** Checks whose pass-mutant no target noticed, with why. */
  survived: { check: string; why: string }[];
  /** Checks that judge through a control, and whether some fault breaking that control was seen to
   * leave them inconclusive (the proof that a refused control never passes). */
  controlled: { check: string; undecidedBy: string[] }[];
  /** Recorded verdicts the real evaluate() did not reproduce from the same evidence. */
  unstable: { check: string; entry: string; recorded: string; now: string }[];
  rejudged: number;
}

const show = (o: Outcome) => (o.verdict === 'pass' ? 'pass' : `${o.verdict}: ${o.reason}`);

export function mutate(checks: readonly CheckDef<never>[], records: readonly RecordedEvidence[]): MutationResult {
  const byCheck = new Map<string, RecordedEvidence[]>();
  for (const r of records) byCheck.set(r.check, [...(byCheck.get(r.check) ?? []), r]);
  const out: MutationResult = { checks: checks.length, killed: [], survived: [], controlled: [], unstable: [], rejudged: 0 };
  for (const def of checks) {
    const evaluate = def.evaluate as (e: unknown) => Outcome;
    let killed = false;
    let judged = 0;
    let throughControl = false;
    const undecidedBy: string[] = [];
    for (const rec of byCheck.get(def.id) ?? []) {
      for (const [name, e] of Object.entries(rec.entries)) {
        if (!e.outcome) continue; // evaluate() never ran there (skip, or no evidence): nothing to re-judge
        if (e.outcome.controlled) throughControl = true;
        const expectsUndecided = e.entry.expect.some((x) => x.id === def.id && x.verdict === 'inconclusive');
        if (expectsUndecided && e.outcome.verdict === 'inconclusive' && !disagreement(e.entry, def.id, e.verdict)) undecidedBy.push(`${rec.profile}:${name}`);
        judged++;
        out.rejudged++;
        let now: Outcome;
        try {
          now = evaluate(e.evidence);
        } catch (err) {
          now = { verdict: 'fail', reason: `evaluate() threw on the recorded evidence: ${(err as Error).message}` };
        }
        if (show(now) !== show(e.outcome)) out.unstable.push({ check: def.id, entry: `${rec.profile}:${name}`, recorded: show(e.outcome), now: show(now) });
        const mutant = pass();
        if (disagreement(e.entry, def.id, { verdict: mutant.verdict })) killed = true;
      }
    }
    if (throughControl) out.controlled.push({ check: def.id, undecidedBy });
    if (killed) out.killed.push(def.id);
    else
      out.survived.push({
        check: def.id,
        why: judged ? `evaluate() ran on ${judged} target(s), and none declares that this check must fail there` : 'evaluate() never ran in the self-test (skipped on every target)',
      });
  }
  return out;
}
