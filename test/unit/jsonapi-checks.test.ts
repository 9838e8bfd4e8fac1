// Every JSON:API check's evaluate() on a good and a bad payload (no HTTP).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { OpenAPIV3 } from 'openapi-types';
import { acceptParams406, contentTypeParams415, documentsMediaType, documentsValid } from '../../src/checks/jsonapi/documents.js';
import {
  create,
  createStatus,
  createType,
  deletedRead404,
  deleteRecord,
  deleteStatus,
  duplicateId409,
  duplicateIdKept,
  readBack,
  updateAtResourceUrl,
  updateOnlySent,
  updateStatus,
} from '../../src/checks/jsonapi/crud.js';
import { documentShape, errorDocument, malformedBody400, unknownId404, unknownModule } from '../../src/checks/jsonapi/errors.js';
import { filter, include, sort, sortUnknownField400, sparseFieldsets } from '../../src/checks/jsonapi/fetching.js';
import { JSONAPI_CHECKS } from '../../src/checks/jsonapi/index.js';
import { links, linksConsistent, pageSize, walk } from '../../src/checks/jsonapi/pagination.js';
import { addListRemove, relationshipDocument, toManyArray, updateStatus as relUpdateStatus } from '../../src/checks/jsonapi/relationships.js';
import { forbidden403, noData, relationshipRead } from '../../src/checks/jsonapi/acl.js';
import { exchangesMatch } from '../../src/checks/jsonapi/openapi.js';
import { openApiOf } from '../../src/openapi/document.js';
import { REFERENCE_OPENAPI } from '../../src/target/dialects/suitecrm/openapi.js';
import { sharedFile } from '../shared.js';
import { undecided } from './exchange.js';
import { severityOf, type Exchange, type Outcome } from '../../src/checks/types.js';

const MEDIA = 'application/vnd.api+json';
const BASE = 'http://127.0.0.1:1/Api/V8';

function ex(status: number, json?: unknown, init: { ct?: string; method?: string; url?: string; reqBody?: unknown; headers?: Record<string, string> } = {}): Exchange {
  const text = json === undefined ? '' : JSON.stringify(json);
  return {
    request: {
      method: init.method ?? 'GET',
      url: init.url ?? `${BASE}/module/Accounts`,
      headers: init.reqBody !== undefined ? { 'content-type': MEDIA } : {},
      ...(init.reqBody !== undefined ? { body: JSON.stringify(init.reqBody) } : {}),
    },
    response: { status, headers: { 'content-type': init.ct ?? MEDIA, ...init.headers }, text, ...(json !== undefined ? { json } : {}) },
    durationMs: 1,
  };
}

const res = (id: string, attributes: Record<string, string> = {}, type = 'Accounts') => ({ type, id, attributes });
const doc = (data: unknown, extra: Record<string, unknown> = {}) => ({ data, ...extra });
const err = (status: number) => ({ errors: [{ status: String(status), title: 'x', detail: 'y' }] });
const suiteErr = { errors: { status: 400, title: null, detail: 'x' } };

function passes(o: Outcome): void {
  expect(o.verdict, o.verdict === 'pass' ? '' : o.reason).toBe('pass');
}
function fails(o: Outcome, pattern?: RegExp): void {
  expect(o.verdict, o.verdict === 'pass' ? 'passed' : o.reason).toBe('fail');
  if (o.verdict !== 'pass' && pattern) expect(o.reason).toMatch(pattern);
}

const html = (status: number) => ex(status, undefined, { ct: 'text/html' });
/** A list with the harness's token that worked: the control of answers judged as JSON:API. */
const listed = ex(200, doc([]));
const noAnswer: Exchange = { request: { method: 'GET', url: `${BASE}/module/Accounts`, headers: {} }, transportError: 'ECONNRESET', durationMs: 1 };

test('every JSON:API check names the keyword of the sentence it cites, and its severity follows it', () => {
  for (const c of JSONAPI_CHECKS) {
    expect(c.keyword, c.id).toBeDefined();
    expect(c.severity, c.id).toBe(severityOf(c.keyword!));
  }
});

test('documents.valid', () => {
  passes(documentsValid.evaluate([{ label: 'list', ex: ex(200, doc([res('1')], { links: { self: `${BASE}/module/Accounts` } })) }]));
  fails(documentsValid.evaluate([{ label: 'list', ex: ex(200, doc([res('1')], { links: { next: 'V8/module/Accounts?page[number]=2' } })) }]), /links\/next: format/);
  // a sample that is not a 200 document holds nothing to judge; an observed failure outweighs it
  undecided(documentsValid.evaluate([{ label: 'read', ex: ex(404, err(404)) }]), /no document to judge/);
  // No sample at all is nothing judged, never a pass.
  undecided(documentsValid.evaluate([]), /nothing was presented/);
  fails(documentsValid.evaluate([{ label: 'read', ex: ex(404, err(404)) }, { label: 'list', ex: ex(200, { data: 'x' }) }]), /list: not a valid/);
});

test('documents.media-type', () => {
  passes(documentsMediaType.evaluate({ control: listed, samples: [{ label: 'a', ex: ex(404, err(404)) }] }));
  fails(documentsMediaType.evaluate({ control: listed, samples: [{ label: 'a', ex: ex(400, suiteErr, { ct: 'application/json' }) }] }), /application\/json/);
  fails(documentsMediaType.evaluate({ control: listed, samples: [{ label: 'a', ex: ex(200, doc([]), { ct: `${MEDIA}; charset=utf-8` }) }] }));
  fails(documentsMediaType.evaluate({ control: ex(200, doc([]), { ct: 'application/json' }), samples: [] }), /the control list/);
  // the harness's token refused: its 401 is not a JSON:API answer to judge
  undecided(documentsMediaType.evaluate({ control: ex(401, { error: 'access_denied' }, { ct: 'application/json' }), samples: [{ label: 'a', ex: ex(401, { error: 'access_denied' }, { ct: 'application/json' }) }] }), /control/);
  undecided(documentsMediaType.evaluate({ control: listed, samples: [{ label: 'a', ex: noAnswer }] }), /no answer/);
});

test('negotiation 415 / 406: judged only when the same request without the parameters succeeds', () => {
  const created = ex(201, doc(res('1')));
  passes(contentTypeParams415.evaluate({ control: created, attempt: ex(415, err(415)) }));
  fails(contentTypeParams415.evaluate({ control: created, attempt: created }), /expected HTTP 415, got HTTP 201/);
  undecided(contentTypeParams415.evaluate({ control: ex(403, err(403)), attempt: ex(403, err(403)) }), /control did not succeed: the same create .* got HTTP 403/);
  passes(acceptParams406.evaluate({ control: ex(200, doc([])), attempt: ex(406, err(406)) }));
  fails(acceptParams406.evaluate({ control: ex(200, doc([])), attempt: ex(200, doc([])) }), /406/);
  undecided(acceptParams406.evaluate({ control: ex(400, err(400)), attempt: ex(406, err(406)) }), /control did not succeed/);
});

test('crud.create: the outcome (created, answered with id and attributes)', () => {
  const sent = { name: 'n' };
  passes(create.evaluate({ type: 'Accounts', sent, control: listed, create: ex(201, doc(res('1', sent))) }));
  // the wire format is not this check's business: another status, another type
  passes(create.evaluate({ type: 'Accounts', sent, control: listed, create: ex(200, doc(res('1', sent, 'Account'))) }));
  fails(create.evaluate({ type: 'Accounts', sent, control: listed, create: ex(201, doc(res('1', {}))) }), /attributes written.*name/);
  fails(create.evaluate({ type: 'Accounts', sent, control: listed, create: ex(201, { meta: {} }) }), /without the created resource/);
  fails(create.evaluate({ type: 'Accounts', sent, control: listed, create: ex(403, err(403)) }), /create was refused: HTTP 403/);
  // a token the API refuses altogether: the refused create says nothing about creating
  undecided(create.evaluate({ type: 'Accounts', sent, control: ex(401, { error: 'access_denied' }), create: ex(401, { error: 'access_denied' }) }), /control/);
  undecided(create.evaluate({ type: 'Accounts', sent, control: listed, create: ex(202, { meta: {} }) }), /202/);
  undecided(create.evaluate({ type: 'Accounts', sent, control: listed, create: noAnswer }), /no answer/);
});

test('crud.create-status and create-type: the wire format of a successful create', () => {
  const sent = { name: 'n' };
  passes(createStatus.evaluate({ type: 'Accounts', sent, control: listed, create: ex(201, doc(res('1', sent))) }));
  passes(createStatus.evaluate({ type: 'Accounts', sent, control: listed, create: ex(202, { meta: {} }) }));
  fails(createStatus.evaluate({ type: 'Accounts', sent, control: listed, create: ex(200, doc(res('1', sent))) }), /expected HTTP 201 or 202, got HTTP 200/);
  undecided(createStatus.evaluate({ type: 'Accounts', sent, control: listed, create: ex(403, err(403)) }), /did not succeed/);
  passes(createType.evaluate({ type: 'Accounts', sent, control: listed, create: ex(201, doc({ ...res('1', sent), links: { self: 'x' } }), { headers: { location: 'x' } }) }));
  fails(createType.evaluate({ type: 'Accounts', sent, control: listed, create: ex(201, doc(res('1', sent, 'Account'))) }), /type is "Account"/);
  fails(createType.evaluate({ type: 'Accounts', sent, control: listed, create: ex(201, doc({ ...res('1', sent), links: { self: 'y' } }), { headers: { location: 'x' } }) }), /Location/);
  undecided(createType.evaluate({ type: 'Accounts', sent, control: listed, create: ex(403, err(403)) }), /without a resource object/);
});

test('crud.read-back', () => {
  passes(readBack.evaluate({ sent: { a: '1' }, read: ex(200, doc(res('1', { a: '1', b: '2' }))) }));
  fails(readBack.evaluate({ sent: { a: '1', d: 'x' }, read: ex(200, doc(res('1', { a: '1', d: '' }))) }), /d: expected/);
  fails(readBack.evaluate({ sent: { a: '1' }, read: ex(404, err(404)) }), /expected HTTP 200, got HTTP 404/);
});

test('crud.update-only-sent, update-status, update-at-resource-url', () => {
  const before = ex(200, doc(res('1', { a: '1', b: '2' })));
  passes(updateOnlySent.evaluate({ sent: { a: '9' }, before, patch: ex(200, doc(res('1'))), after: ex(200, doc(res('1', { a: '9', b: '2' }))) }));
  fails(updateOnlySent.evaluate({ sent: { a: '9' }, before, patch: ex(200, doc(res('1'))), after: ex(200, doc(res('1', { a: '9', b: '' }))) }), /did not send/);
  fails(updateOnlySent.evaluate({ sent: { a: '9' }, before, patch: ex(200, doc(res('1'))), after: before }), /not stored/);
  fails(updateOnlySent.evaluate({ sent: { a: '9' }, before, patch: ex(403, err(403)), after: before }), /not stored: the update answered HTTP 403/);
  undecided(updateOnlySent.evaluate({ sent: { a: '9' }, before: ex(404, err(404)), patch: ex(200, doc(res('1'))), after: before }), /control did not succeed: the read of the record before the update/);
  passes(updateStatus.evaluate(ex(200, doc(res('1')))));
  passes(updateStatus.evaluate(ex(200, { meta: { n: 1 } })));
  passes(updateStatus.evaluate(ex(204)));
  passes(updateStatus.evaluate(ex(202, { meta: {} })));
  fails(updateStatus.evaluate(ex(201, doc(res('1')))), /got HTTP 201/);
  fails(updateStatus.evaluate(ex(200, doc([]))), /neither the updated resource nor only top-level meta/);
  undecided(updateStatus.evaluate(ex(403, err(403))), /did not succeed/);
  passes(updateAtResourceUrl.evaluate(ex(200, doc(res('1')))));
  fails(updateAtResourceUrl.evaluate(html(405)));
});

test('crud.delete (outcome), delete-status and deleted-read-404 (wire), each with its control', () => {
  const before = ex(200, doc(res('1')));
  const gone = { before, del: ex(204), after: ex(404, err(404)) };
  passes(deleteRecord.evaluate(gone));
  passes(deleteStatus.evaluate(gone));
  passes(deletedRead404.evaluate(gone));
  // SuiteCRM: 200 with meta, then 400: the record is gone (outcome passes), the 404 is missing
  const suite = { before, del: ex(200, { meta: { message: 'deleted' }, data: [] }), after: ex(400, suiteErr) };
  passes(deleteRecord.evaluate(suite));
  passes(deleteStatus.evaluate(suite));
  fails(deletedRead404.evaluate(suite), /read after delete: expected HTTP 404, got HTTP 400/);
  // the record stays: the outcome fails, the 404 for a deleted record cannot be judged
  const kept = { before, del: ex(200, { meta: {} }), after: ex(200, doc(res('1'))) };
  fails(deleteRecord.evaluate(kept), /can still be read/);
  undecided(deletedRead404.evaluate(kept), /was not deleted/);
  fails(deleteRecord.evaluate({ ...gone, del: ex(403, err(403)) }), /DELETE was refused/);
  undecided(deleteRecord.evaluate({ ...gone, del: ex(202, { meta: {} }) }), /202/);
  fails(deleteStatus.evaluate({ ...gone, del: ex(200, doc(res('1'))) }), /with the deleted resource/);
  fails(deleteStatus.evaluate({ ...gone, del: ex(201, { meta: {} }) }), /got HTTP 201/);
  undecided(deleteStatus.evaluate({ ...gone, del: ex(403, err(403)) }), /did not succeed/);
  // the record was never readable: nothing is judged
  for (const c of [deleteRecord, deletedRead404]) undecided(c.evaluate({ ...gone, before: ex(404, err(404)) }), /control did not succeed: the read of the record before the delete/);
});

test('crud.duplicate-id-kept (outcome) and duplicate-id-409 (wire)', () => {
  const first = ex(201, doc(res('1', { name: 'first' })));
  const kept = ex(200, doc(res('1', { name: 'first', description: '' })));
  const refused = { first, before: kept, second: ex(409, err(409)), after: kept };
  passes(duplicateIdKept.evaluate(refused));
  passes(duplicateId409.evaluate(refused));
  const suite = { ...refused, second: ex(400, suiteErr) };
  passes(duplicateIdKept.evaluate(suite));
  fails(duplicateId409.evaluate(suite), /expected HTTP 409, got HTTP 400/);
  const overwritten = { ...refused, second: ex(201, doc(res('1', { name: 'second' }))), after: ex(200, doc(res('1', { name: 'second' }))) };
  fails(duplicateIdKept.evaluate(overwritten), /was accepted: HTTP 201/);
  undecided(duplicateId409.evaluate(overwritten), /no refusal whose status could be judged/);
  fails(duplicateIdKept.evaluate({ ...refused, after: ex(200, doc(res('1', { name: 'second', description: '' }))) }), /changed the existing record: name: expected "first", got "second"/);
  undecided(duplicateIdKept.evaluate({ ...refused, after: ex(404, err(404)) }), /could not be read before and after/);
  for (const c of [duplicateIdKept, duplicateId409]) {
    undecided(c.evaluate({ ...refused, first: ex(403, err(403)) }), /client-generated ids are not supported/);
    undecided(c.evaluate({ ...refused, first: ex(401, { error: 'access_denied' }, { ct: 'application/json' }) }), /control did not succeed: the first create/);
  }
});

test('errors.unknown-id-404 and unknown-module: judged against their controls', () => {
  const ok = ex(200, doc(res('1')));
  passes(unknownId404.evaluate({ control: ok, attempt: ex(404, err(404)) }));
  // the status is judged, the error document is jsonapi.errors.error-document's
  passes(unknownId404.evaluate({ control: ok, attempt: html(404) }));
  fails(unknownId404.evaluate({ control: ok, attempt: ex(400, suiteErr) }), /expected HTTP 404, got HTTP 400/);
  undecided(unknownId404.evaluate({ control: ex(404, err(404)), attempt: ex(404, err(404)) }), /control did not succeed: the read of an existing record/);
  const list = ex(200, doc([]));
  passes(unknownModule.evaluate({ control: list, attempt: ex(400, suiteErr) }));
  passes(unknownModule.evaluate({ control: list, attempt: ex(404, err(404)) }));
  fails(unknownModule.evaluate({ control: list, attempt: html(500) }), /got HTTP 500/);
  fails(unknownModule.evaluate({ control: list, attempt: ex(200, doc([])) }), /got HTTP 200/);
  undecided(unknownModule.evaluate({ control: ex(400, err(400)), attempt: ex(400, err(400)) }), /control did not succeed/);
});

test('errors.malformed-body-400', () => {
  const control = ex(201, doc(res('1')));
  passes(malformedBody400.evaluate({ control, samples: [{ label: 'not JSON', ex: ex(400, err(400)) }] }));
  fails(malformedBody400.evaluate({ control, samples: [{ label: 'not JSON', ex: html(500) }] }), /not JSON: expected HTTP 400, got HTTP 500/);
  undecided(malformedBody400.evaluate({ control: ex(403, err(403)), samples: [{ label: 'not JSON', ex: ex(403, err(403)) }] }), /control did not succeed: a well-formed create/);
});

test('errors.error-document: an error answer is an error document at all', () => {
  passes(errorDocument.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, err(404)) }, { label: 'y', ex: ex(400, suiteErr) }] }));
  fails(errorDocument.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, { message: 'not found' }) }] }), /x: HTTP 404 without an error document/);
  fails(errorDocument.evaluate({ control: listed, samples: [{ label: 'x', ex: html(500) }] }), /HTTP 500 without an error document/);
  // a request that was not refused is not an error answer to judge
  passes(errorDocument.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(200, doc([])) }, { label: 'y', ex: ex(400, err(400)) }] }));
  undecided(errorDocument.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(200, doc([])) }] }), /none of the 1 requests/);
  undecided(errorDocument.evaluate({ control: ex(401, { error: 'access_denied' }), samples: [{ label: 'x', ex: ex(401, { error: 'access_denied' }) }] }), /control/);
});

test('errors.document-shape: the exact shape, where there is an error document', () => {
  passes(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, err(404)) }] }));
  // every member of an error object is optional
  passes(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, { errors: [{}] }) }] }));
  passes(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, { errors: [{ status: '400' }] }) }] }));
  fails(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(400, suiteErr) }] }), /"errors" is an object, not an array/);
  fails(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, { errors: [{ status: 404, title: 't' }] }) }] }), /\/errors\/0\/status: type — must be string/);
  fails(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, { errors: ['x'] }) }] }), /\/errors\/0 is not an error object/);
  // answers without an error document are the other check's finding
  passes(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: html(500) }, { label: 'y', ex: ex(404, err(404)) }] }));
  undecided(documentShape.evaluate({ control: listed, samples: [{ label: 'x', ex: ex(404, { message: 'no' }) }] }), /none of the 1 error answers carried an error document/);
});

// ---------------------------------------------------------------- pagination

const made = Array.from({ length: 7 }, (_, i) => `r${i}`);
const page = (ids: string[], l: Record<string, unknown> = {}, meta?: unknown) => ex(200, doc(ids.map((i) => res(i)), { links: l, ...(meta ? { meta } : {}) }));
const isolated = { made, control: page(made.slice(0, 5)) };

test('pagination: a collection that the filter did not isolate, or could not list, is not judged', () => {
  const e = { ...isolated, asked: [{ size: 5, page: page(made.slice(0, 5)) }] };
  undecided(pageSize.evaluate({ ...e, control: page(['r0', 'foreign']) }), /did not make/);
  undecided(pageSize.evaluate({ ...e, control: page([]) }), /returned none of the 7/);
  undecided(pageSize.evaluate({ ...e, control: ex(400, err(400)) }), /control did not succeed: the filtered list of the 7 records/);
});

test('pagination.page-size: what came back against what was asked and claimed', () => {
  const one = (p: Exchange, size = 5) => pageSize.evaluate({ ...isolated, asked: [{ size: 10, page: page(made, {}, { 'total-pages': 1 }) }, { size, page: p }] });
  passes(one(page(made.slice(0, 5), {}, { 'total-pages': 2, 'records-on-this-page': 5 })));
  fails(one(page(made.slice(0, 3))), /page\[size\]=5 returned 3 of the 7 records \(expected 5\), and no cap is reported/);
  passes(one(page(made.slice(0, 3), {}, { 'max-page-size': 3, 'total-pages': 3 })));
  fails(one(page(made.slice(0, 5), {}, { 'records-on-this-page': 4 })), /records-on-this-page claims 4/);
  fails(one(page(made.slice(0, 5), {}, { 'total-pages': 5 })), /total-pages claims 5/);
  fails(one(page(made.slice(0, 5), {}, { 'total-records': 9 })), /claims 9 records in all/);
  fails(one(page(made)), /page\[size\]=5 returned 7 records/);
  undecided(one(page([...made.slice(0, 4), 'foreign'])), /did not make/);
  // a page larger than the collection holds all of it
  fails(pageSize.evaluate({ ...isolated, asked: [{ size: 10, page: page(made.slice(0, 5)) }] }), /page\[size\]=10 returned 5 of the 7 records \(expected 7\)/);
});

test('pagination.links (offered) and links-consistent (lead where they say)', () => {
  const l = (n: number) => `http://h/${n}`;
  const first = page(made.slice(0, 3), { first: l(1), last: l(3), prev: null, next: l(2) }, { 'total-pages': 3 });
  const last = page(['r6'], { first: l(1), last: l(3), prev: l(2), next: null });
  const follows = [
    { from: 'first' as const, rel: 'next' as const, href: l(2), ex: page(made.slice(3, 6)) },
    { from: 'first' as const, rel: 'last' as const, href: l(3), ex: page(['r6']) },
    { from: 'last' as const, rel: 'prev' as const, href: l(2), ex: page(made.slice(3, 6)) },
  ];
  const e = { ...isolated, size: 3, first, last, follows };
  passes(links.evaluate(e));
  passes(linksConsistent.evaluate(e));
  // SuiteCRM 7.14: no first link on page 1 (links, MAY), next leads to page 1 again (links-consistent, MUST)
  const suiteFirst = page(made.slice(0, 3), { first: null, last: l(3), prev: null, next: l(1) });
  fails(links.evaluate({ ...e, first: suiteFirst }), /first page: links.first is null/);
  fails(linksConsistent.evaluate({ ...e, follows: [{ ...follows[0]!, ex: page(made.slice(0, 3)) }] }), /leads to the first page again/);
  fails(linksConsistent.evaluate({ ...e, follows: [{ ...follows[0]!, ex: html(404) }] }), /links.next of the first page is not reachable: HTTP 404/);
  fails(linksConsistent.evaluate({ ...e, follows: [{ ...follows[1]!, ex: page(made.slice(3, 6)) }] }), /leads to other records than the last page/);
  fails(linksConsistent.evaluate({ ...e, follows: [{ ...follows[2]!, ex: page(['r6']) }] }), /links.prev of the last page leads to the last page again/);
  fails(linksConsistent.evaluate({ ...e, first: page(made.slice(0, 3), {}, { 'total-pages': 2 }) }), /total-pages claims 2/);
  fails(links.evaluate({ ...e, last: page(['r6'], { first: l(1), last: null, prev: l(2) }) }), /last page: links.last/);
  // no links at all: offering them is a MAY, so the links check fails (advisory) and consistency cannot be judged
  undecided(linksConsistent.evaluate({ ...e, first: page(made.slice(0, 3)), last: page(['r6']), follows: [] }), /neither the first nor the last page offers a pagination link/);
});

test('pagination.walk', () => {
  const e = { ...isolated, size: 3 };
  passes(walk.evaluate({ ...e, pages: [made.slice(0, 3), made.slice(3, 6), ['r6']] }));
  fails(walk.evaluate({ ...e, pages: [made.slice(0, 3), made.slice(0, 3), made.slice(3, 6), ['r6']] }), /3 record\(s\) were visited more than once over 4 pages/);
  fails(walk.evaluate({ ...e, pages: [made.slice(0, 3), made.slice(3, 6)] }), /1 of 7 records were never reached/);
  fails(walk.evaluate({ ...e, pages: [made.slice(0, 3)], stopped: 'page 2 answered HTTP 404' }), /stopped/);
  // a single page: nothing was walked
  undecided(walk.evaluate({ ...e, pages: [made] }), /held all 7 records, so there was no next page/);
  undecided(walk.evaluate({ ...e, pages: [made.slice(0, 3)] }), /offers no links.next/);
  undecided(walk.evaluate({ ...e, pages: [made.slice(0, 3), ['foreign']] }), /did not make/);
});

// ---------------------------------------------------------------- fetching

test('fetching.sparse-fieldsets', () => {
  passes(sparseFieldsets.evaluate({ field: 'name', ex: ex(200, doc([res('1', { name: 'a' })])) }));
  fails(sparseFieldsets.evaluate({ field: 'name', ex: ex(200, doc([res('1', { name: 'a', industry: 'b' })])) }), /more attribute/);
  fails(sparseFieldsets.evaluate({ field: 'name', ex: ex(200, doc([res('1', { industry: 'b' })])) }), /more attribute/);
  fails(sparseFieldsets.evaluate({ field: 'name', ex: ex(200, doc([res('1', {})])) }), /no resource carries/);
  undecided(sparseFieldsets.evaluate({ field: 'name', ex: ex(200, doc([])) }), /no resources/);
});

test('fetching.sort: the records made for it, in order, against the unsorted control', () => {
  const values = ['m b', 'm c', 'm a'];
  const list = (vs: string[]) => ex(200, doc(vs.map((v, i) => res(String(i), { name: v }))));
  const control = list(values);
  passes(sort.evaluate({ field: 'name', values, control, asc: list(['m a', 'other', 'm b', 'm c']), desc: list(['m c', 'm b', 'm a']) }));
  fails(sort.evaluate({ field: 'name', values, control, asc: list(['m a', 'm b', 'm c']), desc: list(['m a', 'm b', 'm c']) }), /sort=-name is not descending: "…a" before "…b"/);
  fails(sort.evaluate({ field: 'name', values, control, asc: ex(500, undefined), desc: list(values) }), /sort=name: expected HTTP 200/);
  undecided(sort.evaluate({ field: 'name', values, control, asc: list(['m a']), desc: list(['m a']) }), /returned 1 of the 3 records/);
  undecided(sort.evaluate({ field: 'name', values, control: ex(400, err(400)), asc: ex(400, err(400)), desc: ex(400, err(400)) }), /control did not succeed: the same list without sort/);
});

test('fetching.sort-unknown-field-400', () => {
  const control = ex(200, doc([]));
  passes(sortUnknownField400.evaluate({ control, attempt: ex(400, err(400)) }));
  fails(sortUnknownField400.evaluate({ control, attempt: ex(200, doc([])) }), /expected HTTP 400, got HTTP 200/);
  undecided(sortUnknownField400.evaluate({ control: ex(400, err(400)), attempt: ex(400, err(400)) }), /control did not succeed/);
});

test('fetching.filter: the matching record, not the other one made for it', () => {
  const list = (vs: string[]) => ex(200, doc(vs.map((v, i) => res(String(i), { name: v }))));
  passes(filter.evaluate({ field: 'name', value: 'a', other: 'b', filtered: list(['a']) }));
  fails(filter.evaluate({ field: 'name', value: 'a', other: 'b', filtered: list(['a', 'b', 'c']) }), /returned the other record/);
  fails(filter.evaluate({ field: 'name', value: 'a', other: 'b', filtered: list(['a', 'c']) }), /whose name is "c"/);
  fails(filter.evaluate({ field: 'name', value: 'a', other: 'b', filtered: list([]) }), /matched nothing/);
  fails(filter.evaluate({ field: 'name', value: 'a', other: 'b', filtered: ex(400, err(400)) }), /filtered list: expected HTTP 200, got HTTP 400/);
});

test('fetching.include', () => {
  const control = ex(200, doc([res('1')]));
  const linked = { ...res('1'), relationships: { contacts: { data: [{ type: 'Contacts', id: 'c1' }] } } };
  passes(include.evaluate({ relatedId: 'c1', control, ex: ex(200, doc([linked], { included: [res('c1', {}, 'Contacts')] })) }));
  fails(include.evaluate({ relatedId: 'c1', control, ex: ex(200, doc([res('1')], { included: [res('c1', {}, 'Contacts')] })) }), /full linkage/);
  fails(include.evaluate({ relatedId: 'c1', control, ex: ex(200, doc([linked], { included: [res('c1', {}, 'Contacts'), res('c1', {}, 'Contacts')] })) }), /more than once/);
  fails(include.evaluate({ relatedId: 'c1', control, ex: ex(200, doc([linked], { included: [] })) }), /does not contain the related resource/);
  passes(include.evaluate({ relatedId: 'c1', control, ex: ex(400, suiteErr, { ct: 'application/json' }) }));
  fails(include.evaluate({ relatedId: 'c1', control, ex: ex(200, doc([res('1')])) }), /silently/);
  // a refused include proves nothing when the same list without include is refused too
  undecided(include.evaluate({ relatedId: 'c1', control: ex(400, err(400)), ex: ex(400, err(400)) }), /control did not succeed: the same list without include/);
});

// ---------------------------------------------------------------- relationships, ACL, OpenAPI

test('relationships.*', () => {
  const ident = ex(200, doc([{ type: 'Contacts', id: 'c1' }], { links: { self: 'http://h/r' } }));
  const empty = ex(200, doc([]));
  const good = { relatedId: 'c1', add: ex(204), listed: ident, remove: ex(200, { meta: {} }), after: empty };
  passes(addListRemove.evaluate(good));
  fails(addListRemove.evaluate({ ...good, after: ident }), /still lists/);
  fails(addListRemove.evaluate({ ...good, listed: empty }), /does not list/);
  fails(addListRemove.evaluate({ ...good, add: ex(400, err(400)) }), /adding to the relationship: HTTP 400/);
  undecided(addListRemove.evaluate({ ...good, remove: ex(403, err(403)), after: ident }), /refuses to remove members/);
  passes(relUpdateStatus.evaluate(good));
  passes(relUpdateStatus.evaluate({ ...good, add: ex(202, { meta: {} }) }));
  fails(relUpdateStatus.evaluate({ ...good, add: ex(201, { meta: {}, data: [] }) }), /POST to the relationship: expected HTTP 200 or 202 or 204, got HTTP 201/);
  undecided(relUpdateStatus.evaluate({ ...good, add: ex(400, err(400)) }), /did not succeed/);
  // an observed failure outweighs the other half that could not be judged
  fails(relUpdateStatus.evaluate({ ...good, add: ex(400, err(400)), remove: ex(201, { meta: {} }) }), /DELETE from the relationship/);
  passes(relationshipDocument.evaluate(good));
  fails(relationshipDocument.evaluate({ ...good, listed: ex(200, { meta: { 'total-records': 1 }, data: [res('c1', { a: 'x' }, 'Contact')] }) }), /not a resource identifier/);
  passes(toManyArray.evaluate({ relatedId: 'c1', add: ex(204), listed: ident }));
  fails(toManyArray.evaluate({ relatedId: 'c1', add: ex(400, suiteErr), listed: empty }), /array/);
  fails(toManyArray.evaluate({ relatedId: 'c1', add: ex(204), listed: empty }), /does not list/);
});

test('acl.*: the denied module, judged only when the same user reads an allowed one', () => {
  const control = ex(200, doc([res('c', {}, 'Contacts')]));
  passes(noData.evaluate({ control, attempt: ex(403, err(403)) }));
  passes(noData.evaluate({ control, attempt: ex(200, doc([])) }));
  fails(noData.evaluate({ control, attempt: ex(200, doc([res('1')])) }), /denied user read/);
  undecided(noData.evaluate({ control, attempt: html(500) }), /neither answered with data nor refused/);
  passes(forbidden403.evaluate({ control, attempt: ex(403, err(403)) }));
  passes(forbidden403.evaluate({ control, attempt: ex(404, err(404)) }));
  fails(forbidden403.evaluate({ control, attempt: ex(400, suiteErr) }), /expected HTTP 403 or 404, got HTTP 400/);
  undecided(forbidden403.evaluate({ control, attempt: ex(200, doc([res('1')])) }), /was accepted/);
  for (const c of [noData, forbidden403]) undecided(c.evaluate({ control: ex(403, err(403)), attempt: ex(403, err(403)) }), /control did not succeed: the limited user's list of a module its role allows got HTTP 403/);
  const linked = ex(200, doc([{ type: 'Accounts', id: 'a1' }]));
  const direct = ex(200, doc(res('c1', {}, 'Contacts')));
  passes(relationshipRead.evaluate({ linked, direct, attempt: ex(403, err(403)), deniedId: 'a1' }));
  passes(relationshipRead.evaluate({ linked, direct, attempt: ex(200, doc([])), deniedId: 'a1' }));
  fails(relationshipRead.evaluate({ linked, direct, attempt: ex(200, doc([res('a1')])), deniedId: 'a1' }), /through a relationship/);
  undecided(relationshipRead.evaluate({ linked, direct: ex(403, err(403)), attempt: ex(403, err(403)), deniedId: 'a1' }), /direct read of the related record/);
  undecided(relationshipRead.evaluate({ linked: ex(200, doc([])), direct, attempt: ex(200, doc([])), deniedId: 'a1' }), /must list the denied record/);
});

test('openapi.exchanges-match', () => {
  const document = REFERENCE_OPENAPI;
  const source = 'GET /Api/V8/meta/swagger.json';
  const patch = (status: number) => ex(status, doc(res('0c9a0b5e-1d6a-4c5e-9d7a-2f1e3b4c5d6e')), { method: 'PATCH', url: `${BASE}/module`, reqBody: doc({ type: 'Accounts', id: 'x' }) });
  passes(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [patch(200), ex(200, doc([]), { url: `${BASE}/meta/modules` })] }));
  fails(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [patch(201)] }), /HTTP 201 is not a declared response/);
  fails(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [ex(200, doc(res('1')), { url: `${BASE}/module/Accounts/not-a-uuid` })] }), /path parameter id/);
  fails(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [patch(201)] }), /in GET \/Api\/V8\/meta\/swagger\.json/);
  undecided(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [ex(200, doc([]), { url: `${BASE}/no/such/route` })] }), /none of the 1 exchanges/);
});

test("the reference target's OpenAPI description agrees with SuiteCRM 7.14's published one", () => {
  const suite = JSON.parse(readFileSync(sharedFile('reference/suitecrm-7.14/openapi.json'), 'utf8')) as OpenAPIV3.Document;
  const ours = openApiOf(REFERENCE_OPENAPI, '/Api/V8');
  const theirs = openApiOf(suite, '/Api/V8');
  // Same operations (templates may name their parameters differently).
  const shape = (k: string) => k.replace(/\{[^}]+\}/g, '{}');
  expect(ours.operations.map((o) => shape(o.key)).sort()).toEqual(theirs.operations.map((o) => shape(o.key)).sort());
  for (const t of theirs.operations) {
    const o = ours.operations.find((x) => shape(x.key) === shape(t.key))!;
    // Every status SuiteCRM declares is declared here, and the success statuses are the same.
    for (const status of Object.keys(t.responses)) expect(Object.keys(o.responses), `${t.key} ${status}`).toContain(status);
    expect(Object.keys(o.responses).filter((s) => s.startsWith('2')), t.key).toEqual(Object.keys(t.responses).filter((s) => s.startsWith('2')));
    // Path parameters in the same places carry the same formats (uuid ids).
    const formats = (op: typeof o) => op.params.filter((p) => p.in === 'path').map((p) => (p.schema as OpenAPIV3.SchemaObject | undefined)?.format ?? '');
    expect(formats(o), t.key).toEqual(formats(t));
    expect(Object.keys(o.requestBody?.content ?? {}), t.key).toEqual(Object.keys(t.requestBody?.content ?? {}));
  }
});
