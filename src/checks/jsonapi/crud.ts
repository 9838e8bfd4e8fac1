// JSON:API 1.0 §Creating, §Updating, §Deleting Resources, on records the run creates. Each data
// outcome (created, stored, deleted, not overwritten) is its own check, apart from the wire format
// of the answer (status, type), so a regression of the outcome shows even where the format already
// departs.
import { bodyObject, describe, header, refusedWith } from '../conditions.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';
import { attributeDiff, controlled, expectStatus, holdsData, is2xx, RES, single, statusOf, succeededWith, succeeds, tokenWorks } from './conditions.js';

/** The opening of a judged state change: no answer or a 202 (`pending` says what it leaves open)
 * cannot tell, any other non-2xx is a refusal; undefined when it was done and the outcome can be judged. */
function notDone(ex: Exchange, what: string, pending: string): Outcome | undefined {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  if (ex.response.status === 202) return inconclusive(`${what} was accepted for later processing (HTTP 202): ${pending}`);
  if (!is2xx(ex)) return fail(`${what} was refused: ${describe(ex)}`);
  return undefined;
}

export interface CreateEvidence {
  type: string;
  sent: Record<string, string>;
  create: Exchange;
  /** A list with the same token: a refused create is judged only where the token works at all. */
  control: Exchange;
}

export const create: CheckDef<CreateEvidence> = {
  id: 'jsonapi.crud.create',
  title: 'create succeeds and answers the created resource: its id and the attributes written',
  specRefs: ['JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ sent, create: ex, control }) =>
    controlled([tokenWorks(control)], () => {
      const undone = notDone(ex, 'create', 'the answer cannot hold the created resource yet');
      if (undone) return undone;
      const r = single(ex);
      if (!r || typeof r.id !== 'string' || !r.id) return fail(`create answered ${describe(ex)} without the created resource (a resource object with an id)`);
      const diff = attributeDiff(sent, r.attributes);
      return diff.length ? fail(`create: the answer does not carry the attributes written (${diff.join('; ')})`) : pass();
    }),
};

export const createStatus: CheckDef<CreateEvidence> = {
  id: 'jsonapi.crud.create-status',
  title: 'a successful create answers 201 Created (or 202 Accepted)',
  specRefs: ['JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ create: ex }) => succeededWith(ex, [201, 202], 'create'),
};

export const createType: CheckDef<CreateEvidence> = {
  id: 'jsonapi.crud.create-type',
  title: 'the created resource carries the type the request sent, and a Location header equals its links.self',
  specRefs: ['JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate({ type, create: ex }) {
    const r = is2xx(ex) ? single(ex) : undefined;
    if (!r || r.type === undefined) return inconclusive(`create answered ${describe(ex)} without a resource object, so its type cannot be judged`);
    if (r.type !== type) return fail(`create: the resource's type is ${JSON.stringify(r.type)}, the request sent "${type}"`);
    const location = header(ex, 'location');
    const self = (r.links as { self?: unknown } | undefined)?.self;
    return location && typeof self === 'string' && self !== location ? fail(`create: Location "${location}" differs from links.self "${self}"`) : pass();
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
  keyword: 'MUST',
  requires: RES,
  evaluate({ sent, read }) {
    const s = expectStatus(read, [200], 'read of the created record');
    if (s.verdict !== 'pass') return s;
    const diff = attributeDiff(sent, single(read)?.attributes);
    return diff.length ? fail(`read-back differs from what was written: ${diff.join('; ')}`) : pass();
  },
};

/** Attributes a server updates on its own (SuiteCRM: date_modified, modified_user_id, …). */
const MODIFIED = /^date_modified|modified/;

/** A record's string attributes as read, but those the server changes on its own and those in
 * `except`: what "left as it was" compares. */
function keptAttributes(read: Exchange, except: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(single(read)?.attributes ?? {}).filter(([k, v]) => !(k in except) && typeof v === 'string' && !MODIFIED.test(k))) as Record<string, string>;
}

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
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ sent, before, patch, after }) =>
    // Without the record as it was, "left as it was" cannot be judged.
    controlled([succeeds('the read of the record before the update', before, statusOf(before) === 200)], () => {
      if (!is2xx(patch)) return fail(`the sent attributes were not stored: the update answered ${describe(patch)}`);
      const s = expectStatus(after, [200], 'read after the update');
      if (s.verdict !== 'pass') return s;
      const now = single(after)?.attributes ?? {};
      const changed = attributeDiff(sent, now);
      if (changed.length) return fail(`the sent attributes were not stored: ${changed.join('; ')}`);
      const clobbered = attributeDiff(keptAttributes(before, sent), now);
      return clobbered.length ? fail(`attributes the PATCH did not send changed: ${clobbered.join('; ')}`) : pass();
    }),
};

export const updateStatus: CheckDef<Exchange> = {
  id: 'jsonapi.crud.update-status',
  title: 'a successful PATCH answers 200 (with the resource, or only meta), 202 or 204',
  specRefs: ['JSON:API 1.0 §Updating Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate(ex) {
    const s = succeededWith(ex, [200, 202, 204], 'update');
    if (s.verdict !== 'pass' || statusOf(ex) !== 200) return s;
    // §Responses, 200 OK: the updated resource as primary data, or top-level meta only.
    const body = bodyObject(ex);
    return single(ex) || (body && 'meta' in body && !('data' in body))
      ? pass()
      : fail(`update answered 200 with neither the updated resource nor only top-level meta (${describe(ex)})`);
  },
};

export const updateAtResourceUrl: CheckDef<Exchange> = {
  id: 'jsonapi.crud.update-at-resource-url',
  title: "PATCH to the resource's own URL (/module/{Module}/{id}) updates it",
  specRefs: ['JSON:API 1.0 §Updating Resources'],
  // "A resource can be updated by sending a PATCH request to the URL that represents the resource"
  // carries no keyword; allowing modification at all is a MAY (§CRUD).
  severity: 'advisory',
  keyword: 'MAY',
  requires: RES,
  evaluate: (ex) => (is2xx(ex) ? pass() : fail(`PATCH at the resource URL: expected a 2xx answer, got ${describe(ex)}`)),
};

export interface DeleteEvidence {
  /** The record read before the delete: the control that it was readable at all. */
  before: Exchange;
  del: Exchange;
  after: Exchange;
}

const readable = (before: Exchange) => succeeds('the read of the record before the delete', before, statusOf(before) === 200 && holdsData(before));

export const deleteRecord: CheckDef<DeleteEvidence> = {
  id: 'jsonapi.crud.delete',
  title: 'a deleted record can no longer be read',
  specRefs: ['JSON:API 1.0 §Deleting Resources', 'RFC 9110 §9.3.5'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ before, del, after }) =>
    controlled([readable(before)], (): Outcome => {
      const undone = notDone(del, 'DELETE', 'the record may still be there');
      if (undone) return undone;
      if (is2xx(after) && holdsData(after)) return fail(`the deleted record can still be read: ${describe(after)}`);
      if (!after.response || after.response.status >= 500) return inconclusive(`the read after the delete answered neither the record nor a refusal: ${describe(after)}`);
      return pass();
    }),
};

export const deleteStatus: CheckDef<DeleteEvidence> = {
  id: 'jsonapi.crud.delete-status',
  title: 'a successful DELETE answers 204, 202, or 200 with only top-level meta',
  specRefs: ['JSON:API 1.0 §Deleting Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate({ del }) {
    const s = succeededWith(del, [200, 202, 204], 'DELETE');
    if (s.verdict !== 'pass' || statusOf(del) !== 200) return s;
    return holdsData(del) ? fail(`DELETE answered 200 with the deleted resource as primary data; 200 is for an answer with only top-level meta (${describe(del)})`) : pass();
  },
};

export const deletedRead404: CheckDef<DeleteEvidence> = {
  id: 'jsonapi.crud.deleted-read-404',
  title: 'reading a deleted record answers 404',
  specRefs: ['JSON:API 1.0 §Fetching Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ before, del, after }) =>
    controlled([readable(before), succeeds('the DELETE', del)], () =>
      is2xx(after) && holdsData(after)
        ? inconclusive(`the record was not deleted (it can still be read: ${describe(after)}), so the answer for a deleted record cannot be judged`)
        : expectStatus(after, [404], 'read after delete'),
    ),
};

export interface DuplicateEvidence {
  /** Create with a client-generated id (the control: it must succeed). */
  first: Exchange;
  /** The record read by that id after the first create. */
  before: Exchange;
  /** The same id again, with other attributes. */
  second: Exchange;
  /** The record read by that id afterwards. */
  after: Exchange;
}

/** §Client-Generated IDs: a server that does not support them answers 403; then no duplicate exists. */
function duplicateControl(first: Exchange, judge: () => Outcome): Outcome {
  if (statusOf(first) === 403) return inconclusive('client-generated ids are not supported (HTTP 403), which JSON:API allows: no duplicate can be provoked');
  return controlled([succeeds('the first create with a client-generated id', first)], judge);
}

export const duplicateIdKept: CheckDef<DuplicateEvidence> = {
  id: 'jsonapi.crud.duplicate-id-kept',
  title: 'creating a resource with a client-generated id that already exists is refused and leaves the existing record as it was',
  specRefs: ['JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ first, before, second, after }) =>
    duplicateControl(first, () => {
      if (is2xx(second)) return fail(`a second create with the same client-generated id was accepted: ${describe(second)}`);
      if (statusOf(before) !== 200 || statusOf(after) !== 200) {
        return inconclusive(`the existing record could not be read before and after (${describe(before)}; ${describe(after)}), so whether it was kept cannot be judged`);
      }
      const diff = attributeDiff(keptAttributes(before), single(after)?.attributes);
      return diff.length ? fail(`the refused duplicate changed the existing record: ${diff.join('; ')}`) : pass();
    }),
};

export const duplicateId409: CheckDef<DuplicateEvidence> = {
  id: 'jsonapi.crud.duplicate-id-409',
  title: 'creating a resource with a client-generated id that already exists answers 409',
  specRefs: ['JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ first, second }) => duplicateControl(first, () => refusedWith(second, 'second create with the same client-generated id', [409])),
};

export const CRUD_CHECKS = [create, createStatus, createType, readBack, updateOnlySent, updateStatus, updateAtResourceUrl, deleteRecord, deleteStatus, deletedRead404, duplicateIdKept, duplicateId409];
