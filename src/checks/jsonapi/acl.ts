// Module ACL: a user whose role denies a module gets 403 with an error document (HTTP §15.5.4,
// JSON:API 1.0 §Errors). The security outcome (no data) and the wire format (403) are separate checks.
import { bodyObject, describe } from '../conditions.js';
import { fail, pass, type CheckDef, type Exchange, type Requirement } from '../types.js';
import { errorDocument, is2xx } from './conditions.js';

const ACL: Requirement[] = ['grant:password', 'resource-api', 'limited-user'];

/** Security outcome of a denied read: no primary data (an error, or 2xx with empty data). */
export function noDataFor(ex: Exchange, what: string): ReturnType<CheckDef['evaluate']> {
  const d = bodyObject(ex)?.data;
  if (is2xx(ex) && (Array.isArray(d) ? d.length > 0 : !!d)) return fail(`${what}: ${describe(ex)}`);
  return is2xx(ex) ? pass('answered 2xx with empty data') : pass(describe(ex));
}

export const noData: CheckDef<Exchange> = {
  id: 'jsonapi.acl.no-data',
  title: 'a user without access to a module gets no data from it',
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'OWASP ASVS 4.0.3 V4.1.3'],
  severity: 'must',
  requires: ACL,
  evaluate: (ex) => noDataFor(ex, 'a denied user read the module'),
};

/** A relationship read from a module the user may read into one it may not. */
export const relationshipRead: CheckDef<Exchange> = {
  id: 'jsonapi.acl.relationship-read',
  title: "a relationship read returns no records of a module the user's role denies",
  specRefs: ['JSON:API 1.0 §Fetching Relationships', 'OWASP ASVS 4.0.3 V4.1.3'],
  severity: 'must',
  requires: ACL,
  evaluate: (ex) => noDataFor(ex, 'a denied module was read through a relationship'),
};

export const forbidden403: CheckDef<Exchange> = {
  id: 'jsonapi.acl.forbidden-403',
  title: 'a user without access to a module gets 403 with an error document (not 400)',
  specRefs: ['JSON:API 1.0 §Errors', 'RFC 9110 §15.5.4'],
  severity: 'should',
  requires: ACL,
  evaluate: (ex) => errorDocument(ex, [403], 'a denied module'),
};

export const ACL_CHECKS = [noData, forbidden403, relationshipRead];
