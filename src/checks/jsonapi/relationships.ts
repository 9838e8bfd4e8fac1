// JSON:API 1.0 §Fetching Relationships and §Updating Relationships (to-many).
import { describe } from '../conditions.js';
import { all, fail, inconclusive, pass, type CheckDef, type Exchange } from '../types.js';
import { expectStatus, ids, is2xx, primary, RES, statusOf, succeededWith, validDocument } from './conditions.js';

export interface LifecycleEvidence {
  relatedId: string;
  add: Exchange;
  listed: Exchange;
  remove: Exchange;
  after: Exchange;
}

export const addListRemove: CheckDef<LifecycleEvidence> = {
  id: 'jsonapi.relationships.add-list-remove',
  title: 'a related record can be added to, listed in and removed from a to-many relationship',
  specRefs: ['JSON:API 1.0 §Updating Relationships', 'JSON:API 1.0 §Fetching Relationships'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate({ relatedId, add, listed, remove, after }) {
    if (!is2xx(add)) return fail(`adding to the relationship: ${describe(add)}`);
    if (!ids(listed).includes(relatedId)) return fail(`after adding, the relationship does not list the related record (${describe(listed)})`);
    // §Updating To-Many Relationships: "delete the specified members … or return a 403 Forbidden response".
    if (statusOf(remove) === 403) return inconclusive('the server refuses to remove members from the relationship (HTTP 403), which JSON:API allows, so removal cannot be judged');
    if (!is2xx(remove)) return fail(`removing from the relationship: ${describe(remove)}`);
    const s = expectStatus(after, [200], 'relationship after removal');
    if (s.verdict !== 'pass') return s;
    return ids(after).includes(relatedId) ? fail('after removal the relationship still lists the related record') : pass();
  },
};

const RELATIONSHIP_SUCCESS = [200, 202, 204];

export const updateStatus: CheckDef<LifecycleEvidence> = {
  id: 'jsonapi.relationships.update-status',
  title: 'adding to and removing from a relationship answer 200, 202 or 204',
  specRefs: ['JSON:API 1.0 §Updating Relationships'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ add, remove }) => all(succeededWith(add, RELATIONSHIP_SUCCESS, 'POST to the relationship'), succeededWith(remove, RELATIONSHIP_SUCCESS, 'DELETE from the relationship')),
};

export const relationshipDocument: CheckDef<LifecycleEvidence> = {
  id: 'jsonapi.relationships.document',
  title: 'a relationship GET answers a valid document whose data is resource linkage (identifiers only)',
  specRefs: ['JSON:API 1.0 §Fetching Relationships', 'JSON:API 1.0 §Resource Linkage'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate({ listed }) {
    const s = expectStatus(listed, [200], 'relationship GET');
    if (s.verdict !== 'pass') return s;
    // Linkage first: full resources in its place are the finding, whatever else their links get wrong.
    const d = primary(listed);
    const list = Array.isArray(d) ? d : [d];
    for (const [i, r] of list.entries()) {
      if (r === null || typeof r !== 'object') continue;
      const extra = Object.keys(r).filter((k) => !['type', 'id', 'meta'].includes(k));
      if (extra.length) return fail(`/data/${i} is not a resource identifier: it has ${extra.join(', ')}`);
    }
    return validDocument(listed, 'relationship GET');
  },
};

export interface ToManyEvidence {
  relatedId: string;
  add: Exchange;
  listed: Exchange;
}

export const toManyArray: CheckDef<ToManyEvidence> = {
  id: 'jsonapi.relationships.to-many-array',
  title: 'POST to a to-many relationship accepts the JSON:API body (data: an array of identifiers)',
  specRefs: ['JSON:API 1.0 §Updating Relationships'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate({ relatedId, add, listed }) {
    if (!is2xx(add)) return fail(`POST with data as an array: ${describe(add)}`);
    return ids(listed).includes(relatedId) ? pass() : fail('after the POST the relationship does not list the related record');
  },
};

export const RELATIONSHIP_CHECKS = [addListRemove, updateStatus, relationshipDocument, toManyArray];
