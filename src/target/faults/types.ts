/** An injected departure of the reference target. The self-test proves that switching it on makes
 * exactly the checks it declares fail, each for the declared reason, and nothing else; faithful
 * modes are lists of these. */
export interface FaultDef {
  name: string;
  description: string;
  /** The checks this fault must make fail (and no other), each with the pattern its failure reason
   * must match: a check is proven only by failing for the cause the fault injects. */
  breaks: Readonly<Record<string, RegExp>>;
  /** Checks whose control request this fault breaks: they must end `inconclusive` (never `pass`),
   * with a reason matching the pattern. */
  undecides?: Readonly<Record<string, RegExp>>;
  /** Checks of `breaks` that skip (not applicable) on the profile that proves this fault. */
  skips?: readonly string[];
  /** Where a real product was seen doing this (faithful-mode faults). */
  observed?: string;
  /** Dialects that implement it; default: every dialect built on the SuiteCRM V8 core. */
  dialects?: readonly string[];
  /** Self-test: the profiles to prove it on, when its checks apply only there (default: the
   * first self-tested profile of its dialect). */
  selfTestProfiles?: readonly string[];
}

/** What a target with some faults switched on must show for one check. */
export interface Expectation {
  id: string;
  verdict: 'fail' | 'inconclusive';
  /** Source of the RegExp the reason must match. */
  reason: string;
}

/** The reason of a check whose control request a fault breaks (see checks/conditions.ts controlled()). */
export const CONTROL = /the control did not succeed/;
/** The reason of a wire-format check when the request it judges was granted: no refusal to judge. */
export const NO_REFUSAL = /was accepted .*no refusal/;
/** The `undecides` entries of checks whose control a fault breaks. */
export const undecided = (ids: readonly string[], re: RegExp = CONTROL): Record<string, RegExp> => Object.fromEntries(ids.map((id) => [id, re]));

/** Keeps the literal fault names, so `FaultName` is a union and a misspelt name does not compile. */
export function faults<const T extends readonly FaultDef[]>(...defs: T): T {
  return defs;
}

/** The fault's expected verdicts, one per check. */
export function expectationsOf(f: FaultDef): Expectation[] {
  const fails = Object.entries(f.breaks).map(([id, re]) => ({ id, verdict: 'fail' as const, reason: re.source }));
  const undecided = Object.entries(f.undecides ?? {}).map(([id, re]) => ({ id, verdict: 'inconclusive' as const, reason: re.source }));
  return [...fails, ...undecided];
}

/** Check ids the fault makes fail. */
export function brokenIds(f: FaultDef): string[] {
  return expectationsOf(f).filter((e) => e.verdict === 'fail').map((e) => e.id);
}

/** Expectations of several faults switched on together (faithful mode): a check broken by two of
 * them may fail for either reason. */
export function combinedExpectations(defs: readonly FaultDef[]): Expectation[] {
  const byId = new Map<string, Expectation>();
  for (const e of defs.flatMap(expectationsOf)) {
    const prev = byId.get(e.id);
    if (!prev) byId.set(e.id, e);
    else if (prev.verdict === 'fail' || e.verdict === 'fail') byId.set(e.id, { id: e.id, verdict: 'fail', reason: `(?:${prev.reason})|(?:${e.reason})` });
  }
  return [...byId.values()];
}
