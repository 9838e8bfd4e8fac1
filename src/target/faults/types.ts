/** An injected departure of the reference target. The self-test proves that switching it on fails
 * exactly `breaks` and nothing else; faithful modes are lists of these. */
export interface FaultDef {
  name: string;
  description: string;
  /** Check ids this fault must make fail (and no other). */
  breaks: readonly string[];
  /** Where a real product was seen doing this (faithful-mode faults). */
  observed?: string;
  /** Dialects that implement it; default: every dialect built on the SuiteCRM V8 core. */
  dialects?: readonly string[];
  /** Self-test: the profiles to prove it on, when its checks apply only there (default: the
   * first self-tested profile of its dialect). */
  selfTestProfiles?: readonly string[];
}

export function faults(...defs: FaultDef[]): FaultDef[] {
  return defs;
}
