// The recurring kinds of check: "no token was issued" (security outcome), "the error has this
// status and code" (wire format, RFC 6749 §5.2) and "a denied read returned no data".
import { oauthError, tokenRefused } from './conditions.js';
import { noDataFor } from './jsonapi/conditions.js';
import type { CheckDef, Exchange, Outcome, Requirement, Severity } from './types.js';

interface Common {
  id: string;
  title: string;
  requires: readonly Requirement[];
  /** What was presented, for the reason ("a wrong client_secret"). */
  what: string;
  severity?: Severity;
  specRefs?: readonly string[];
}

/** A check whose verdict is one condition over one exchange. */
function conditionCheck(c: Common, specRefs: readonly string[], condition: (ex: Exchange) => Outcome): CheckDef {
  return { id: c.id, title: c.title, specRefs, severity: c.severity ?? 'must', requires: c.requires, evaluate: condition };
}

export function refusalCheck(c: Common & { specRefs: readonly string[] }): CheckDef {
  return conditionCheck(c, c.specRefs, (ex) => tokenRefused(ex, c.what));
}

export function oauthErrorCheck(c: Common & { status: readonly number[]; error: readonly string[] }): CheckDef {
  return conditionCheck(c, c.specRefs ?? ['RFC 6749 §5.2'], (ex) => oauthError(ex, { status: c.status, error: c.error }, c.what));
}

/** A read the caller may not make: an error, or 2xx without primary data. */
export function noDataCheck(c: Common & { specRefs: readonly string[] }): CheckDef {
  return conditionCheck(c, c.specRefs, (ex) => noDataFor(ex, c.what));
}
