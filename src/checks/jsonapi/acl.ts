// Module ACL: a user whose role denies a module gets no data from it, directly or through a
// relationship (the security outcome), and a 403 for it (the wire format). Each first sees the same
// user read a module the role allows (the control): a user refused everything proves nothing.
import type { CheckDef, Exchange, Requirement } from '../types.js';
import { controlled, ids, noDataFor, refusalStatus, succeeds } from './conditions.js';

const ACL: Requirement[] = ['grant:password', 'resource-api', 'limited-user'];

export interface AclEvidence {
  /** The limited user's list of a module its role allows (the related module). */
  control: Exchange;
  /** The limited user's list of the denied module. */
  attempt: Exchange;
}

const allowedRead = (control: Exchange) => succeeds("the limited user's list of a module its role allows", control);

export const noData: CheckDef<AclEvidence> = {
  id: 'jsonapi.acl.no-data',
  title: 'a user without access to a module gets no data from it',
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'OWASP ASVS 4.0.3 V4.1.3'],
  // ASVS states requirements as "Verify that…" (no RFC 2119 keyword): a Level 1 requirement is read as MUST.
  severity: 'must',
  keyword: 'MUST',
  requires: ACL,
  evaluate: ({ control, attempt }) => controlled([allowedRead(control)], () => noDataFor(attempt, 'a denied user read the module')),
};

export const forbidden403: CheckDef<AclEvidence> = {
  id: 'jsonapi.acl.forbidden-403',
  title: 'a user without access to a module gets 403 (or 404, hiding it), not 400',
  // "A server MUST prepare responses … in accordance with HTTP semantics": 403 refuses, 404 may hide.
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'RFC 9110 §15.5.4'],
  severity: 'must',
  keyword: 'MUST',
  requires: ACL,
  evaluate: ({ control, attempt }) => controlled([allowedRead(control)], () => refusalStatus(attempt, [403, 404], 'a denied module')),
};

export interface RelationshipAclEvidence {
  /** The administrator's read of the relationship: the denied record is linked at all. */
  linked: Exchange;
  /** The limited user's direct read of the related record (a module its role allows). */
  direct: Exchange;
  /** The limited user's read of the relationship into the denied module. */
  attempt: Exchange;
  /** The denied record's id. */
  deniedId: string;
}

/** A relationship read from a module the user may read into one it may not. */
export const relationshipRead: CheckDef<RelationshipAclEvidence> = {
  id: 'jsonapi.acl.relationship-read',
  title: "a relationship read returns no records of a module the user's role denies",
  specRefs: ['JSON:API 1.0 §Fetching Relationships', 'OWASP ASVS 4.0.3 V4.1.3'],
  severity: 'must',
  keyword: 'MUST',
  requires: ACL,
  evaluate: ({ linked, direct, attempt, deniedId }) =>
    controlled(
      [
        succeeds('the administrator\'s read of the relationship (it must list the denied record)', linked, ids(linked).includes(deniedId)),
        succeeds("the limited user's direct read of the related record (a module its role allows)", direct),
      ],
      () => noDataFor(attempt, 'a denied module was read through a relationship'),
    ),
};

export const ACL_CHECKS = [noData, forbidden403, relationshipRead];
