// JSON:API 1.0 §Fetching Relationships and §Updating Relationships (to-many).
import { describe } from '../conditions.js';
import { all, fail, pass, type CheckDef, type Exchange } from '../types.js';
import { expectStatus, ids, is2xx, primary, RES, validDocument } from './conditions.js';

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
  requires: RES,
  evaluate({ relatedId, add, listed, remove, after }) {
    if (!is2xx(add)) return fail(`adding to the relationship: ${describe(add)}`);
    if (!ids(listed).includes(relatedId)) return fail(`after adding, the relationship does not list ${relatedId} (${describe(listed)})`);
    if (!is2xx(remove)) return fail(`removing from the relationship: ${describe(remove)}`);
    const s = expectStatus(after, [200], 'relationship after removal');
    if (s.verdict !== 'pass') return s;
    return ids(after).includes(relatedId) ? fail(`after removal the relationship still lists ${relatedId}`) : pass();
  },
};

export const updateStatus: CheckDef<LifecycleEvidence> = {
  id: 'jsonapi.relationships.update-status',
  title: 'adding to and removing from a relationship answer 200 or 204',
  specRefs: ['JSON:API 1.0 §Updating Relationships'],
  severity: 'must',
  requires: RES,
  evaluate: ({ add, remove }) => all(expectStatus(add, [200, 204], 'POST to the relationship'), expectStatus(remove, [200, 204], 'DELETE from the relationship')),
};

export const relationshipDocument: CheckDef<LifecycleEvidence> = {
  id: 'jsonapi.relationships.document',
  title: 'a relationship GET answers a valid document whose data is resource linkage (identifiers only)',
  specRefs: ['JSON:API 1.0 §Fetching Relationships', 'JSON:API 1.0 §Resource Linkage'],
  severity: 'must',
  requires: RES,
  evaluate({ listed }) {
    const v = all(expectStatus(listed, [200], 'relationship GET'), validDocument(listed, 'relationship GET'));
    if (v.verdict !== 'pass') return v;
    const d = primary(listed);
    const list = Array.isArray(d) ? d : [d];
    for (const [i, r] of list.entries()) {
      if (r === null) continue;
      const extra = Object.keys(r as object).filter((k) => !['type', 'id', 'meta'].includes(k));
      if (extra.length) return fail(`/data/${i} is not a resource identifier: it has ${extra.join(', ')}`);
    }
    return pass();
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
  requires: RES,
  evaluate({ relatedId, add, listed }) {
    if (!is2xx(add)) return fail(`POST with data as an array: ${describe(add)}`);
    return ids(listed).includes(relatedId) ? pass() : fail(`after the POST the relationship does not list ${relatedId}`);
  },
};

export const RELATIONSHIP_CHECKS = [addListRemove, updateStatus, relationshipDocument, toManyArray];
