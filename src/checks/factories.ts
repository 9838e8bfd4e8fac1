// The recurring kinds of check at the token endpoint: "no token was issued" (security outcome) and
// "the refusal has this status and code" (wire format, RFC 6749 §5.2). Both judge a refusal, so each
// first sees its control succeed: the same request without the cause (a right secret, a known user)
// must issue a token, else the verdict is inconclusive.
import { controlled, refusalFormat, tokenControls, tokenRefused } from './conditions.js';
import { severityOf, type CheckDef, type Exchange, type Keyword, type Outcome, type Requirement } from './types.js';

interface Common {
  id: string;
  title: string;
  requires: readonly Requirement[];
  /** What was presented, for the reason ("a wrong client_secret"). */
  what: string;
  /** The keyword of the cited sentence; the severity follows from it. */
  keyword: Keyword;
  specRefs: readonly string[];
}

/** A refusal and its control(s): the same request without the cause, which must issue a token. */
export interface RefusalEvidence {
  attempt: Exchange;
  control: Exchange | readonly Exchange[];
}

interface Controlled extends Common {
  /** What the control request is ("the same request with the right client_secret"). */
  control: string;
}

function tokenCheck(c: Controlled, judge: (attempt: Exchange) => Outcome): CheckDef<RefusalEvidence> {
  return {
    id: c.id,
    title: c.title,
    specRefs: c.specRefs,
    severity: severityOf(c.keyword),
    keyword: c.keyword,
    requires: c.requires,
    evaluate: (e) => controlled(tokenControls(c.control, e.control), () => judge(e.attempt)),
  };
}

/** Security outcome: the attempt issued no token (its control did). */
export function refusalCheck(c: Controlled): CheckDef<RefusalEvidence> {
  return tokenCheck(c, (attempt) => tokenRefused(attempt, c.what));
}

/** Wire format: the refusal has the status and error code of RFC 6749 §5.2 ("error REQUIRED. A
 * single ASCII error code from the following"). A granted attempt is the refusal check's finding. */
export function oauthErrorCheck(c: Omit<Controlled, 'keyword' | 'specRefs'> & { specRefs?: readonly string[]; status: readonly number[]; error: readonly string[] }): CheckDef<RefusalEvidence> {
  return tokenCheck({ ...c, keyword: 'REQUIRED', specRefs: c.specRefs ?? ['RFC 6749 §5.2'] }, (attempt) => refusalFormat(attempt, { status: c.status, error: c.error }, c.what));
}
