// Every JSON:API check's evaluate() on a good and a bad payload (no HTTP).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { OpenAPIV3 } from 'openapi-types';
import { acceptParams406, contentTypeParams415, documentsMediaType, documentsValid } from '../../src/checks/jsonapi/documents.js';
import { create, deleteRecord, duplicateId409, readBack, updateAtResourceUrl, updateOnlySent, updateStatus } from '../../src/checks/jsonapi/crud.js';
import { documentShape, malformedBody400, unknownId404, unknownModule } from '../../src/checks/jsonapi/errors.js';
import { filter, include, sort, sortUnknownField400, sparseFieldsets } from '../../src/checks/jsonapi/fetching.js';
import { links, pageSize, walk } from '../../src/checks/jsonapi/pagination.js';
import { addListRemove, relationshipDocument, toManyArray, updateStatus as relUpdateStatus } from '../../src/checks/jsonapi/relationships.js';
import { forbidden403, noData, relationshipRead } from '../../src/checks/jsonapi/acl.js';
import { exchangesMatch } from '../../src/checks/jsonapi/openapi.js';
import { openApiOf } from '../../src/openapi/document.js';
import { REFERENCE_OPENAPI } from '../../src/target/dialects/suitecrm/openapi.js';
import { sharedFile } from '../shared.js';
import type { Exchange, Outcome } from '../../src/checks/types.js';

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
  expect(o.verdict).toBe('fail');
  if (o.verdict !== 'pass' && pattern) expect(o.reason).toMatch(pattern);
}

test('documents.valid', () => {
  passes(documentsValid.evaluate([{ label: 'list', ex: ex(200, doc([res('1')], { links: { self: `${BASE}/module/Accounts` } })) }]));
  fails(documentsValid.evaluate([{ label: 'list', ex: ex(200, doc([res('1')], { links: { next: 'V8/module/Accounts?page[number]=2' } })) }]), /links\/next: format/);
});

test('documents.media-type', () => {
  passes(documentsMediaType.evaluate([{ label: 'a', ex: ex(404, err(404)) }]));
  fails(documentsMediaType.evaluate([{ label: 'a', ex: ex(400, suiteErr, { ct: 'application/json' }) }]), /application\/json/);
  fails(documentsMediaType.evaluate([{ label: 'a', ex: ex(200, doc([]), { ct: `${MEDIA}; charset=utf-8` }) }]));
});

test('negotiation 415 / 406', () => {
  passes(contentTypeParams415.evaluate(ex(415, err(415))));
  fails(contentTypeParams415.evaluate(ex(201, doc(res('1')))));
  passes(acceptParams406.evaluate(ex(406, err(406))));
  fails(acceptParams406.evaluate(ex(200, doc([]))));
});

test('crud.create', () => {
  const sent = { name: 'n' };
  passes(create.evaluate({ type: 'Accounts', sent, create: ex(201, doc(res('1', sent)), { headers: { location: 'x' } }) }));
  fails(create.evaluate({ type: 'Accounts', sent, create: ex(201, doc({ ...res('1', sent), links: { self: 'y' } }), { headers: { location: 'x' } }) }), /Location/);
  fails(create.evaluate({ type: 'Accounts', sent, create: ex(201, doc(res('1', sent, 'Account'))) }), /type/);
  fails(create.evaluate({ type: 'Accounts', sent, create: ex(200, doc(res('1', sent))) }), /201/);
  fails(create.evaluate({ type: 'Accounts', sent, create: ex(201, doc(res('1', {}))) }), /name/);
});

test('crud.read-back', () => {
  passes(readBack.evaluate({ sent: { a: '1' }, read: ex(200, doc(res('1', { a: '1', b: '2' }))) }));
  fails(readBack.evaluate({ sent: { a: '1', d: 'x' }, read: ex(200, doc(res('1', { a: '1', d: '' }))) }), /d: expected/);
});

test('crud.update-only-sent, update-status, update-at-resource-url', () => {
  const before = ex(200, doc(res('1', { a: '1', b: '2' })));
  passes(updateOnlySent.evaluate({ sent: { a: '9' }, before, patch: ex(200, doc(res('1'))), after: ex(200, doc(res('1', { a: '9', b: '2' }))) }));
  fails(updateOnlySent.evaluate({ sent: { a: '9' }, before, patch: ex(200, doc(res('1'))), after: ex(200, doc(res('1', { a: '9', b: '' }))) }), /did not send/);
  fails(updateOnlySent.evaluate({ sent: { a: '9' }, before, patch: ex(200, doc(res('1'))), after: before }), /not stored/);
  passes(updateStatus.evaluate(ex(200, doc(res('1')))));
  passes(updateStatus.evaluate(ex(204)));
  fails(updateStatus.evaluate(ex(201, doc(res('1')))));
  passes(updateAtResourceUrl.evaluate(ex(200, doc(res('1')))));
  fails(updateAtResourceUrl.evaluate(ex(405, undefined, { ct: 'text/html' })));
});

test('crud.delete and duplicate-id-409', () => {
  passes(deleteRecord.evaluate({ del: ex(204), after: ex(404, err(404)) }));
  fails(deleteRecord.evaluate({ del: ex(200, { meta: {} }), after: ex(200, doc(res('1'))) }), /404/);
  fails(deleteRecord.evaluate({ del: ex(200, { meta: {} }), after: ex(400, suiteErr) }), /404/);
  passes(duplicateId409.evaluate({ first: ex(201, doc(res('1'))), second: ex(409, err(409)) }));
  fails(duplicateId409.evaluate({ first: ex(201, doc(res('1'))), second: ex(400, suiteErr) }), /409/);
  passes(duplicateId409.evaluate({ first: ex(403, err(403)), second: ex(403, err(403)) }));
  fails(duplicateId409.evaluate({ first: ex(401, { error: 'access_denied' }, { ct: 'application/json' }), second: ex(401) }), /client-generated/);
});

test('errors.*', () => {
  passes(unknownId404.evaluate(ex(404, err(404))));
  fails(unknownId404.evaluate(ex(400, suiteErr)));
  fails(unknownId404.evaluate(ex(404, undefined, { ct: 'text/html' })), /error document|404/);
  passes(unknownModule.evaluate(ex(400, suiteErr)));
  fails(unknownModule.evaluate(ex(500, undefined, { ct: 'text/html' })));
  passes(malformedBody400.evaluate([{ label: 'not JSON', ex: ex(400, err(400)) }]));
  fails(malformedBody400.evaluate([{ label: 'not JSON', ex: ex(500, undefined, { ct: 'text/html' }) }]), /not JSON/);
  passes(documentShape.evaluate([{ label: 'x', ex: ex(404, err(404)) }]));
  fails(documentShape.evaluate([{ label: 'x', ex: ex(400, suiteErr) }]), /not an array/);
  fails(documentShape.evaluate([{ label: 'x', ex: ex(404, { errors: [{ status: 404, title: 't' }] }) }]), /not a string/);
  fails(documentShape.evaluate([{ label: 'x', ex: ex(404, { errors: [{ status: '400', title: 't' }] }) }]), /differs/);
});

const page = (ids: string[], l: Record<string, unknown> = {}, meta?: unknown) => ex(200, doc(ids.map((i) => res(i)), { links: l, ...(meta ? { meta } : {}) }));

test('pagination.page-size', () => {
  const all = page(['1', '2', '3', '4', '5', '6']);
  passes(pageSize.evaluate({ size: 5, all, page: page(['1', '2', '3', '4', '5']) }));
  fails(pageSize.evaluate({ size: 5, all, page: page(['1', '2', '3']) }), /no cap/);
  passes(pageSize.evaluate({ size: 5, all, page: page(['1', '2', '3'], {}, { 'max-page-size': 3 }) }));
});

test('pagination.links', () => {
  const first = page(['1', '2'], { first: 'http://h/1', last: 'http://h/3', prev: null, next: 'http://h/2' }, { 'total-pages': 3 });
  const last = page(['5'], { first: 'http://h/1', last: 'http://h/3', prev: 'http://h/2', next: null });
  const follows = [
    { from: 'first' as const, rel: 'next' as const, href: 'http://h/2', ex: page(['3', '4']) },
    { from: 'first' as const, rel: 'last' as const, href: 'http://h/3', ex: page(['5']) },
  ];
  passes(links.evaluate({ size: 2, total: 5, first, last, follows }));
  const wrongLast = page(['5'], { first: 'http://h/1', last: null, prev: 'http://h/2', next: null });
  fails(links.evaluate({ size: 2, total: 5, first, last: wrongLast, follows }), /last page: links.last/);
  fails(links.evaluate({ size: 2, total: 5, first, last, follows: [{ ...follows[0]!, ex: page(['1', '2']) }] }), /first page again/);
  fails(links.evaluate({ size: 2, total: 5, first, last, follows: [{ ...follows[0]!, ex: ex(404, undefined, { ct: 'text/html' }) }] }), /not reachable/);
});

test('pagination.walk', () => {
  passes(walk.evaluate({ expected: ['1', '2', '3'], pages: [['1', '2'], ['3']] }));
  fails(walk.evaluate({ expected: ['1', '2', '3'], pages: [['1', '2'], ['1', '2'], ['3']] }), /more than once/);
  fails(walk.evaluate({ expected: ['1', '2', '3'], pages: [['1', '2']] }), /never reached/);
  fails(walk.evaluate({ expected: null, pages: [['1']], stopped: 'page 2 answered HTTP 404' }), /stopped/);
});

test('fetching.sparse-fieldsets, sort, filter', () => {
  passes(sparseFieldsets.evaluate({ field: 'name', ex: ex(200, doc([res('1', { name: 'a' })])) }));
  fails(sparseFieldsets.evaluate({ field: 'name', ex: ex(200, doc([res('1', { name: 'a', industry: 'b' })])) }), /more attribute/);
  const asc = ex(200, doc([res('1', { name: 'a' }), res('2', { name: 'B' }), res('3', { name: 'c' })]));
  const desc = ex(200, doc([res('3', { name: 'c' }), res('2', { name: 'B' }), res('1', { name: 'a' })]));
  passes(sort.evaluate({ field: 'name', asc, desc }));
  fails(sort.evaluate({ field: 'name', asc, desc: asc }), /not descending/);
  passes(sortUnknownField400.evaluate(ex(400, err(400))));
  fails(sortUnknownField400.evaluate(ex(200, doc([]))));
  const all = ex(200, doc([res('1', { name: 'a' }), res('2', { name: 'b' })]));
  passes(filter.evaluate({ field: 'name', value: 'a', all, filtered: ex(200, doc([res('1', { name: 'a' })])) }));
  fails(filter.evaluate({ field: 'name', value: 'a', all, filtered: all }), /whose name/);
});

test('fetching.include', () => {
  const linked = { ...res('1'), relationships: { contacts: { data: [{ type: 'Contacts', id: 'c1' }] } } };
  passes(include.evaluate({ relatedId: 'c1', ex: ex(200, doc([linked], { included: [res('c1', {}, 'Contacts')] })) }));
  fails(include.evaluate({ relatedId: 'c1', ex: ex(200, doc([res('1')], { included: [res('c1', {}, 'Contacts')] })) }), /full linkage/);
  passes(include.evaluate({ relatedId: 'c1', ex: ex(400, suiteErr, { ct: 'application/json' }) }));
  fails(include.evaluate({ relatedId: 'c1', ex: ex(200, doc([res('1')])) }), /silently/);
});

test('relationships.*', () => {
  const ident = ex(200, doc([{ type: 'Contacts', id: 'c1' }], { links: { self: 'http://h/r' } }));
  const empty = ex(200, doc([]));
  const good = { relatedId: 'c1', add: ex(204), listed: ident, remove: ex(200, { meta: {} }), after: empty };
  passes(addListRemove.evaluate(good));
  fails(addListRemove.evaluate({ ...good, after: ident }), /still lists/);
  passes(relUpdateStatus.evaluate(good));
  fails(relUpdateStatus.evaluate({ ...good, add: ex(201, { meta: {}, data: [] }) }), /POST/);
  passes(relationshipDocument.evaluate(good));
  fails(relationshipDocument.evaluate({ ...good, listed: ex(200, { meta: { 'total-records': 1 }, data: [res('c1', { a: 'x' }, 'Contact')] }) }), /not a resource identifier/);
  passes(toManyArray.evaluate({ relatedId: 'c1', add: ex(204), listed: ident }));
  fails(toManyArray.evaluate({ relatedId: 'c1', add: ex(400, suiteErr), listed: empty }), /array/);
});

test('acl.*', () => {
  passes(noData.evaluate(ex(403, err(403))));
  fails(noData.evaluate(ex(200, doc([res('1')]))), /denied user read/);
  passes(forbidden403.evaluate(ex(403, err(403))));
  fails(forbidden403.evaluate(ex(400, suiteErr)), /403/);
  passes(relationshipRead.evaluate(ex(403, err(403))));
  passes(relationshipRead.evaluate(ex(200, doc([]))));
  fails(relationshipRead.evaluate(ex(200, doc([res('1')]))), /through a relationship/);
});

test('openapi.exchanges-match', () => {
  const document = REFERENCE_OPENAPI;
  const source = 'GET /Api/V8/meta/swagger.json';
  const patch = (status: number) => ex(status, doc(res('0c9a0b5e-1d6a-4c5e-9d7a-2f1e3b4c5d6e')), { method: 'PATCH', url: `${BASE}/module`, reqBody: doc({ type: 'Accounts', id: 'x' }) });
  passes(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [patch(200), ex(200, doc([]), { url: `${BASE}/meta/modules` })] }));
  fails(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [patch(201)] }), /HTTP 201 is not a declared response/);
  fails(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [ex(200, doc(res('1')), { url: `${BASE}/module/Accounts/not-a-uuid` })] }), /path parameter id/);
  fails(exchangesMatch.evaluate({ document, source, basePath: '/Api/V8', exchanges: [patch(201)] }), /in GET \/Api\/V8\/meta\/swagger\.json/);
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
