// Static API keys (Flexie: `apikey` header or ?apikey=): the key works where documented, a key in
// a URL is a finding like a token in a URL, and a regenerated key replaces the old one at once.
import { accessGranted, accessRefused, describe, isSuccess } from './conditions.js';
import { all, pass, type CheckDef, type Exchange, type Requirement } from './types.js';

const R: Requirement[] = ['api-key', 'resource-api'];
const REGEN: Requirement[] = [...R, 'admin:regenerate-api-key'];

export interface RegenerationEvidence {
  before: Exchange;
  after: Exchange;
}

export const headerWorks: CheckDef = {
  id: 'apikey.header-works',
  title: "the API key in the profile's header is accepted",
  specRefs: ['Vendor: Flexie CRM API (API key in the apikey header)'],
  severity: 'must',
  requires: R,
  evaluate: (ex) => accessGranted(ex, 'the API key in its header'),
};

export const queryRefused: CheckDef = {
  id: 'apikey.query-refused',
  title: 'an API key in the query string is not accepted (URLs end up in logs and Referer headers)',
  specRefs: ['RFC 6750 §5.3', 'RFC 9700 §4.3.2'],
  severity: 'should',
  requires: R,
  evaluate: (ex) => accessRefused(ex, 'an API key in the query string', [400, 401, 403]),
};

export const regeneratedOldRefused: CheckDef<RegenerationEvidence> = {
  id: 'apikey.regenerated-old-refused',
  title: 'after the key is regenerated the old key is refused at once',
  specRefs: ['Vendor: Flexie CRM API (Generate New Key)', 'RFC 9700 §4.14'],
  severity: 'must',
  requires: REGEN,
  // The verdict is about the replaced key; a key that did not work before is only noted (its
  // failure belongs to apikey.header-works).
  evaluate: (e) =>
    all(accessRefused(e.after, 'the replaced key', [401, 403]), pass(isSuccess(e.before) ? undefined : `the key was refused before regeneration too: ${describe(e.before)}`)),
};

export const regeneratedNewWorks: CheckDef<RegenerationEvidence> = {
  id: 'apikey.regenerated-new-works',
  title: 'after the key is regenerated the new key works',
  specRefs: ['Vendor: Flexie CRM API (Generate New Key)'],
  severity: 'must',
  requires: REGEN,
  evaluate: (e) => accessGranted(e.after, 'the new key'),
};

export const APIKEY_CHECKS = [headerWorks, queryRefused, regeneratedOldRefused, regeneratedNewWorks];
