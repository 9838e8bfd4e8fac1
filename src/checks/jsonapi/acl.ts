// Module ACL: a user whose role denies a module gets 403 with an error document (HTTP §15.5.4,
// JSON:API 1.0 §Errors). The security outcome (no data) and the wire format (403) are separate checks.
import { noDataCheck } from '../factories.js';
import type { CheckDef, Exchange, Requirement } from '../types.js';
import { errorDocument } from './conditions.js';

const ACL: Requirement[] = ['grant:password', 'resource-api', 'limited-user'];

export const noData = noDataCheck({
  id: 'jsonapi.acl.no-data',
  title: 'a user without access to a module gets no data from it',
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'OWASP ASVS 4.0.3 V4.1.3'],
  requires: ACL,
  what: 'a denied user read the module',
});

/** A relationship read from a module the user may read into one it may not. */
export const relationshipRead = noDataCheck({
  id: 'jsonapi.acl.relationship-read',
  title: "a relationship read returns no records of a module the user's role denies",
  specRefs: ['JSON:API 1.0 §Fetching Relationships', 'OWASP ASVS 4.0.3 V4.1.3'],
  requires: ACL,
  what: 'a denied module was read through a relationship',
});

export const forbidden403: CheckDef<Exchange> = {
  id: 'jsonapi.acl.forbidden-403',
  title: 'a user without access to a module gets 403 with an error document (not 400)',
  specRefs: ['JSON:API 1.0 §Errors', 'RFC 9110 §15.5.4'],
  severity: 'should',
  requires: ACL,
  evaluate: (ex) => errorDocument(ex, [403], 'a denied module'),
};

export const ACL_CHECKS = [noData, forbidden403, relationshipRead];
