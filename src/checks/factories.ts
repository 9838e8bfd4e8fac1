// The two recurring kinds of token-endpoint check: "no token was issued" (security outcome) and
// "the error has this status and code" (wire format, RFC 6749 §5.2).
import { oauthError, tokenRefused } from './conditions.js';
import type { CheckDef, Requirement, Severity } from './types.js';

interface Common {
  id: string;
  title: string;
  requires: readonly Requirement[];
  /** What was presented, for the reason ("a wrong client_secret"). */
  what: string;
  severity?: Severity;
  specRefs?: readonly string[];
}

export function refusalCheck(c: Common & { specRefs: readonly string[] }): CheckDef {
  return {
    id: c.id,
    title: c.title,
    specRefs: c.specRefs,
    severity: c.severity ?? 'must',
    requires: c.requires,
    evaluate: (ex) => tokenRefused(ex, c.what),
  };
}

export function oauthErrorCheck(c: Common & { status: readonly number[]; error: readonly string[] }): CheckDef {
  return {
    id: c.id,
    title: c.title,
    specRefs: c.specRefs ?? ['RFC 6749 §5.2'],
    severity: c.severity ?? 'must',
    requires: c.requires,
    evaluate: (ex) => oauthError(ex, { status: c.status, error: c.error }, c.what),
  };
}
