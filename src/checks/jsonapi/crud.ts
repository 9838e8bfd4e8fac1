// JSON:API 1.0 §Creating, §Updating, §Deleting Resources, on records the run creates.
import { describe, header } from '../conditions.js';
import { all, fail, pass, type CheckDef, type Exchange } from '../types.js';
import { attributeDiff, errorDocument, expectStatus, is2xx, RES, single } from './conditions.js';

export interface CreateEvidence {
  type: string;
  sent: Record<string, string>;
  create: Exchange;
}

export const create: CheckDef<CreateEvidence> = {
  id: 'jsonapi.crud.create',
  title: 'create answers 201 with the created resource: its id, the type sent and the attributes written',
  specRefs: ['JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  requires: RES,
  evaluate({ type, sent, create: ex }) {
    const s = expectStatus(ex, [201], 'create');
    if (s.verdict !== 'pass') return s;
    const r = single(ex);
    if (!r || typeof r.id !== 'string' || !r.id) return fail('create answered 201 without a resource object with an id');
    if (r.type !== type) return fail(`create: the resource's type is ${JSON.stringify(r.type)}, the request sent "${type}"`);
    const diff = attributeDiff(sent, r.attributes);
    if (diff.length) return fail(`create: the response does not carry the attributes written (${diff.join('; ')})`);
    const location = header(ex, 'location');
    const self = (r.links as { self?: unknown } | undefined)?.self;
    if (location && typeof self === 'string' && self !== location) return fail(`create: Location "${location}" differs from links.self "${self}"`);
    return pass(location ? undefined : 'no Location header (SHOULD)');
  },
};

export interface ReadBackEvidence {
  sent: Record<string, string>;
  read: Exchange;
}

export const readBack: CheckDef<ReadBackEvidence> = {
  id: 'jsonapi.crud.read-back',
  title: 'reading a created record returns what was written',
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  requires: RES,
  evaluate({ sent, read }) {
    const s = expectStatus(read, [200], 'read of the created record');
    if (s.verdict !== 'pass') return s;
    const diff = attributeDiff(sent, single(read)?.attributes);
    return diff.length ? fail(`read-back differs from what was written: ${diff.join('; ')}`) : pass();
  },
};

export interface UpdateEvidence {
  sent: Record<string, string>;
  before: Exchange;
  patch: Exchange;
  after: Exchange;
}

export const updateOnlySent: CheckDef<UpdateEvidence> = {
  id: 'jsonapi.crud.update-only-sent',
  title: 'PATCH changes the attributes sent and leaves every other attribute as it was',
  specRefs: ['JSON:API 1.0 §Updating Resources'],
  severity: 'must',
  requires: RES,
  evaluate({ sent, before, patch, after }) {
    if (!is2xx(patch)) return fail(`update: expected a 2xx answer, got ${describe(patch)}`);
    const s = expectStatus(after, [200], 'read after the update');
    if (s.verdict !== 'pass') return s;
    const now = single(after)?.attributes ?? {};
    const changed = attributeDiff(sent, now);
    if (changed.length) return fail(`the sent attributes were not stored: ${changed.join('; ')}`);
    const was = Object.fromEntries(
      Object.entries(single(before)?.attributes ?? {}).filter(([k, v]) => !(k in sent) && typeof v === 'string' && !/^date_modified|modified/.test(k)),
    ) as Record<string, string>;
    const clobbered = attributeDiff(was, now);
    return clobbered.length ? fail(`attributes the PATCH did not send changed: ${clobbered.join('; ')}`) : pass();
  },
};

export const updateStatus: CheckDef<Exchange> = {
  id: 'jsonapi.crud.update-status',
  title: 'a successful PATCH answers 200 with the resource (or 204)',
  specRefs: ['JSON:API 1.0 §Updating Resources'],
  severity: 'must',
  requires: RES,
  evaluate(ex) {
    const s = expectStatus(ex, [200, 204], 'update');
    if (s.verdict !== 'pass' || ex.response!.status === 204) return s;
    return single(ex) ? pass() : fail('update answered 200 without the updated resource as primary data');
  },
};

export const updateAtResourceUrl: CheckDef<Exchange> = {
  id: 'jsonapi.crud.update-at-resource-url',
  title: "PATCH to the resource's own URL (/module/{Module}/{id}) updates it",
  specRefs: ['JSON:API 1.0 §Updating Resources'],
  severity: 'should',
  requires: RES,
  evaluate: (ex) => (is2xx(ex) ? pass() : fail(`PATCH at the resource URL: expected a 2xx answer, got ${describe(ex)}`)),
};

export interface DeleteEvidence {
  del: Exchange;
  after: Exchange;
}

export const deleteRecord: CheckDef<DeleteEvidence> = {
  id: 'jsonapi.crud.delete',
  title: 'DELETE answers 200 or 204, then reading the record answers 404 with an error document',
  specRefs: ['JSON:API 1.0 §Deleting Resources', 'JSON:API 1.0 §Fetching Resources'],
  severity: 'must',
  requires: RES,
  evaluate: ({ del, after }) => all(expectStatus(del, [200, 204], 'delete'), errorDocument(after, [404], 'read after delete')),
};

export interface DuplicateEvidence {
  first: Exchange;
  second: Exchange;
}

export const duplicateId409: CheckDef<DuplicateEvidence> = {
  id: 'jsonapi.crud.duplicate-id-409',
  title: 'creating a resource with a client-generated id that already exists answers 409',
  specRefs: ['JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  requires: RES,
  evaluate({ first, second }) {
    // §Client-Generated IDs: a server that does not support them answers 403.
    if (first.response?.status === 403) return pass('client-generated ids are not supported (403)');
    if (!is2xx(first)) return fail(`create with a client-generated id: expected 201, 204 or 403, got ${describe(first)}`);
    return errorDocument(second, [409], 'second create with the same client-generated id');
  },
};

export const CRUD_CHECKS = [create, readBack, updateOnlySent, updateStatus, updateAtResourceUrl, deleteRecord, duplicateId409];
