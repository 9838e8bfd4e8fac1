// What a failure's reason says, apart from what differs from run to run: two reports of the same
// behaviour must read the same, a changed behaviour must not. Masked are ids and hex runs (records,
// tokens' jti, run markers), the target's host and port, and every number except HTTP statuses
// (counts of records, lifetimes, timestamps); kept is the wording, the statuses, error codes and the
// server's quoted hints.

const HEX_ID = /\b(?=[0-9a-f-]*\d)[0-9a-f]{6,}(?:-[0-9a-f]{4,})*\b/gi;
const RUN_MARKER = /\bcrmc-[0-9a-z…]+/gi;
const AUTHORITY = /\b(https?:\/\/)[^/\s"')]+/gi;
/** An HTTP status (or a list of them: "HTTP 200 or 204", "HTTP 400/401"), else any number. */
const NUMBER = /\bHTTP\s+\d{3}(?:\s*(?:\/|,|or|and)\s*\d{3})*|\d+(?:\.\d+)?/g;

export function substanceOf(reason: string | undefined): string {
  return (reason ?? '')
    .replace(AUTHORITY, '$1…')
    .replace(HEX_ID, '…')
    .replace(RUN_MARKER, 'crmc-…')
    .replace(NUMBER, (m) => (m.startsWith('HTTP') ? m.replace(/\s+/g, ' ') : '#'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether two failure reasons say the same thing in substance. */
export function sameSubstance(a: string | undefined, b: string | undefined): boolean {
  return substanceOf(a) === substanceOf(b);
}
