// Static API keys (Flexie: `apikey` header or ?apikey=): the key works where documented, a key in
// a URL is a finding like a token in a URL, and a regenerated key replaces the old one at once. What
// the vendor documents is its promise (keyword `profile`, advisory); keys in URLs are RFC 6750 §5.3's.
// A static key is a bearer credential as RFC 6750 §1.2 defines one (whoever holds it may use it):
// cited beside the vendor's documentation for what is judged, a definition with no keyword.
import { succeeds, accessGranted, controlled, deniedControl, notAccepted } from './conditions.js';
import type { CheckDef, Exchange, Requirement } from './types.js';

const R: Requirement[] = ['api-key', 'resource-api'];
const REGEN: Requirement[] = [...R, 'admin:regenerate-api-key'];

export interface RegenerationEvidence {
  /** The old key before the regeneration (the control). */
  before: Exchange;
  after: Exchange;
}

export interface ApiKeyQueryEvidence {
  /** The key as ?apikey=. */
  attempt: Exchange;
  /** The same key in its header (the control). */
  control: Exchange;
  /** No credentials at all: refused, so an acceptance is the key's doing. */
  baseline: Exchange;
}

const keyWorkedBefore = (e: RegenerationEvidence) => succeeds('the old key in its header before the regeneration', e.before);

export const headerWorks: CheckDef = {
  id: 'apikey.header-works',
  title: "the API key in the profile's header is accepted",
  specRefs: ['Vendor: Flexie CRM API (API key in the apikey header)', 'RFC 6750 §1.2'],
  severity: 'advisory',
  keyword: 'profile',
  requires: R,
  evaluate: (ex) => accessGranted(ex, 'the API key in its header'),
};

/** Read as a bearer credential, like bearer.query-token-refused: RFC 6750 §2.3 lets a resource
 * server support credentials in the query ("MAY"); §5.3's "SHOULD NOT be passed in page URLs" is
 * addressed to whoever passes them. Accepting one is an advisory finding. */
export const queryRefused: CheckDef<ApiKeyQueryEvidence> = {
  id: 'apikey.query-refused',
  title: 'an API key in the query string is not accepted (URLs end up in logs and Referer headers)',
  specRefs: ['RFC 6750 §2.3', 'RFC 6750 §5.3', 'RFC 9700 §4.3.2'],
  severity: 'advisory',
  keyword: 'MAY',
  requires: R,
  evaluate: (e) =>
    controlled([succeeds('the same key in its header', e.control), deniedControl('the same request without credentials', e.baseline)], () =>
      notAccepted(e.attempt, 'an API key in the query string'),
    ),
};

export const regeneratedOldRefused: CheckDef<RegenerationEvidence> = {
  id: 'apikey.regenerated-old-refused',
  title: 'after the key is regenerated the old key is refused at once',
  specRefs: ['Vendor: Flexie CRM API (Generate New Key)', 'RFC 6750 §1.2'],
  severity: 'advisory',
  keyword: 'profile',
  requires: REGEN,
  evaluate: (e) => controlled([keyWorkedBefore(e)], () => notAccepted(e.after, 'the replaced key')),
};

export const regeneratedNewWorks: CheckDef<RegenerationEvidence> = {
  id: 'apikey.regenerated-new-works',
  title: 'after the key is regenerated the new key works',
  specRefs: ['Vendor: Flexie CRM API (Generate New Key)', 'RFC 6750 §1.2'],
  severity: 'advisory',
  keyword: 'profile',
  requires: REGEN,
  evaluate: (e) => controlled([keyWorkedBefore(e)], () => accessGranted(e.after, 'the new key')),
};

export const APIKEY_CHECKS = [headerWorks, queryRefused, regeneratedOldRefused, regeneratedNewWorks];
