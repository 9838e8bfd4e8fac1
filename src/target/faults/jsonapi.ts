import { faults } from './types.js';

const OBS = 'suitecrm-7.14-observed.md';

/** JSON:API resource API faults (V8 module routes). None touches the token probe (page[size]=1 list).
 * Each declares the checks it makes fail, with the pattern of the cause it injects, and the checks
 * whose control it breaks (they must end inconclusive). */
export const JSONAPI_FAULTS = faults(
  // --- observed departures of SuiteCRM 7.14 (faithful mode) ---
  {
    name: 'jsonapi-links-relative',
    description: 'links are relative to /Api/ ("V8/module/…"), not URLs a client can resolve',
    breaks: {
      'jsonapi.documents.valid': /not a valid JSON:API document: .*format/,
      'jsonapi.pagination.links-consistent': /links\.\w+ of the (first|last) page is not reachable/,
      'jsonapi.pagination.walk': /walking links\.next stopped: page 2 answered/,
      'jsonapi.relationships.document': /not a valid JSON:API document: .*format/,
    },
    observed: `${OBS} §5.1, §5.2`,
  },
  {
    name: 'jsonapi-validation-errors-json',
    description: 'parameter-validation errors are sent as application/json, not application/vnd.api+json',
    breaks: { 'jsonapi.documents.media-type': /Content-Type is "application\/json"/ },
    observed: `${OBS} §2`,
  },
  {
    name: 'jsonapi-no-415',
    description: 'Content-Type: application/vnd.api+json with media type parameters is accepted',
    breaks: { 'jsonapi.negotiation.content-type-params-415': /charset=utf-8: expected HTTP 415, got HTTP 201/ },
    observed: `${OBS} §5.4`,
  },
  {
    name: 'jsonapi-no-406',
    description: 'Accept with only parameterised JSON:API media types is answered 200',
    breaks: { 'jsonapi.negotiation.accept-params-406': /expected HTTP 406, got HTTP 200/ },
    observed: `${OBS} §5.4`,
  },
  {
    name: 'jsonapi-type-singular',
    description: 'type is the singular bean name (Account) while requests use the module name (Accounts)',
    breaks: { 'jsonapi.crud.create-type': /the resource's type is "Account", the request sent "Accounts"/ },
    observed: `${OBS} §5.1`,
  },
  {
    name: 'jsonapi-update-201',
    description: 'a successful PATCH answers 201',
    breaks: { 'jsonapi.crud.update-status': /update: expected HTTP 200 or 202 or 204, got HTTP 201/, 'jsonapi.openapi.exchanges-match': /HTTP 201 is not a declared response/ },
    observed: `${OBS} §5.5`,
  },
  {
    name: 'jsonapi-patch-only-at-module-root',
    description: 'PATCH /module/{Module}/{id} is 405; only PATCH /module updates',
    breaks: { 'jsonapi.crud.update-at-resource-url': /PATCH at the resource URL: expected a 2xx answer, got HTTP 405/ },
    observed: `${OBS} §5.5`,
  },
  {
    name: 'jsonapi-not-found-400',
    description: 'unknown or deleted ids (and unknown modules) answer 400, not 404',
    breaks: { 'jsonapi.errors.unknown-id-404': /read of an unknown id: expected HTTP 404, got HTTP 400/, 'jsonapi.crud.deleted-read-404': /read after delete: expected HTTP 404, got HTTP 400/ },
    observed: `${OBS} §5.3, §5.6`,
  },
  {
    name: 'jsonapi-conflict-400',
    description: 'creating with a client-generated id that exists answers 400, not 409',
    breaks: { 'jsonapi.crud.duplicate-id-409': /expected HTTP 409, got HTTP 400/ },
    observed: `${OBS} §5.4`,
  },
  {
    name: 'jsonapi-acl-400',
    description: 'a module the user may not access answers 400 AccessDeniedException, not 403',
    breaks: { 'jsonapi.acl.forbidden-403': /a denied module: expected HTTP 403 or 404, got HTTP 400/ },
    observed: `${OBS} §5.10`,
  },
  {
    name: 'jsonapi-relationship-acl-ignored',
    description: "a relationship read returns records of a module the user's role denies (a direct read is refused)",
    breaks: { 'jsonapi.acl.relationship-read': /a denied module was read through a relationship: HTTP 200/ },
    observed: `${OBS} §5.10`,
  },
  {
    name: 'jsonapi-errors-object',
    description: 'errors is an object (not an array) with a numeric status and a null title',
    breaks: { 'jsonapi.errors.document-shape': /"errors" is an object, not an array/ },
    observed: `${OBS} §5.8`,
  },
  {
    name: 'jsonapi-pagination-links-wrong',
    description: 'next points at page 1 when page[number] is absent; first/prev null on page 1; last null on the last page',
    breaks: {
      'jsonapi.pagination.links': /first page: links\.first is null, expected a link/,
      'jsonapi.pagination.links-consistent': /links\.next of the first page leads to the first page again/,
      'jsonapi.pagination.walk': /record\(s\) were visited more than once/,
    },
    observed: `${OBS} §5.2, §7`,
  },
  {
    name: 'jsonapi-relationship-full-resources',
    description: 'a relationship GET returns full resources (attributes, singular-type self link), not resource identifiers',
    breaks: { 'jsonapi.relationships.document': /is not a resource identifier: it has attributes/ },
    observed: `${OBS} §5.7`,
  },
  {
    name: 'jsonapi-relationship-post-single-object',
    description: 'POST to a relationship refuses a data array (takes one object only)',
    breaks: { 'jsonapi.relationships.to-many-array': /POST with data as an array: HTTP 400/ },
    observed: `${OBS} §5.7`,
  },
  {
    name: 'jsonapi-relationship-post-201',
    description: 'adding to a relationship answers 201 with a meta document',
    breaks: { 'jsonapi.relationships.update-status': /POST to the relationship: expected HTTP 200 or 202 or 204, got HTTP 201/ },
    observed: `${OBS} §5.7`,
  },
  { name: 'jsonapi-include-unsupported-400', description: 'include is answered 400 "option does not exist" (conforms: explicit refusal)', breaks: {}, observed: `${OBS} §5.2` },
  // --- departures seen in other products or plausible regressions (conformant-only) ---
  { name: 'jsonapi-error-status-number', description: 'error objects carry status as a number', breaks: { 'jsonapi.errors.document-shape': /\/errors\/0\/status: type — must be string/ } },
  {
    name: 'jsonapi-errors-plain-message',
    description: 'error answers carry {"message": …} instead of an error document (status and Content-Type unchanged)',
    breaks: { 'jsonapi.errors.error-document': /HTTP 404 without an error document/ },
    undecides: { 'jsonapi.errors.document-shape': /none of the \d+ error answers carried an error document/ },
  },
  {
    name: 'jsonapi-create-echoes-nothing',
    description: 'create answers 201 with the new resource\'s type and id but none of the attributes written',
    breaks: { 'jsonapi.crud.create': /the answer does not carry the attributes written/ },
  },
  {
    name: 'jsonapi-create-200',
    description: 'a successful create answers 200, not 201',
    breaks: { 'jsonapi.crud.create-status': /create: expected HTTP 201 or 202, got HTTP 200/, 'jsonapi.openapi.exchanges-match': /POST \/Api\/V8\/module \(POST \/module in [^)]*\): HTTP 200 is not a declared response/ },
  },
  { name: 'jsonapi-create-drops-attribute', description: 'create answers 201 but does not store the description attribute', breaks: { 'jsonapi.crud.read-back': /read-back differs from what was written: description/ } },
  { name: 'jsonapi-update-clears-unsent', description: 'PATCH clears attributes the request did not send', breaks: { 'jsonapi.crud.update-only-sent': /attributes the PATCH did not send changed/ } },
  {
    name: 'jsonapi-delete-keeps-record',
    description: 'DELETE answers success but the record stays readable',
    breaks: { 'jsonapi.crud.delete': /the deleted record can still be read: HTTP 200/ },
    undecides: { 'jsonapi.crud.deleted-read-404': /the record was not deleted/ },
  },
  {
    name: 'jsonapi-delete-answers-resource',
    description: 'DELETE answers 200 with the deleted resource as primary data',
    breaks: { 'jsonapi.crud.delete-status': /DELETE answered 200 with the deleted resource as primary data/ },
  },
  {
    name: 'jsonapi-duplicate-id-overwrites',
    description: 'creating with a client-generated id that exists answers 201 and replaces the existing record',
    breaks: { 'jsonapi.crud.duplicate-id-kept': /a second create with the same client-generated id was accepted: HTTP 201/ },
    undecides: { 'jsonapi.crud.duplicate-id-409': /was accepted \(HTTP 201.*no refusal whose status could be judged/ },
  },
  {
    name: 'jsonapi-unknown-module-500',
    description: 'an unknown module crashes the API (500 HTML)',
    breaks: { 'jsonapi.errors.unknown-module': /list of an unknown module: expected HTTP 404 or 400, got HTTP 500/, 'jsonapi.errors.error-document': /list of an unknown module: HTTP 500 without an error document/ },
  },
  {
    name: 'jsonapi-malformed-body-500',
    description: 'a request body that is not JSON crashes the API (500 HTML)',
    breaks: {
      'jsonapi.errors.malformed-body-400': /a body that is not JSON: expected HTTP 400, got HTTP 500/,
      'jsonapi.errors.error-document': /create with a body that is not JSON: HTTP 500 without an error document/,
    },
  },
  {
    name: 'jsonapi-page-size-capped',
    description: "page[size] above 20 (SuiteCRM's default page) is silently capped at 20, without saying so",
    breaks: {
      'jsonapi.pagination.page-size': /page\[size\]=\d+ returned 20 of the \d+ records \(expected \d+\), and no cap is reported/,
      'jsonapi.pagination.walk': /of \d+ records were never reached by following next/,
    },
  },
  { name: 'jsonapi-fields-ignored', description: 'sparse fieldsets are ignored (every attribute is returned)', breaks: { 'jsonapi.fetching.sparse-fieldsets': /asked for "name" only, got \d+ more attribute/ } },
  { name: 'jsonapi-sort-desc-ignored', description: 'sort=-field sorts ascending', breaks: { 'jsonapi.fetching.sort': /sort=-name is not descending/ } },
  { name: 'jsonapi-unknown-sort-ignored', description: 'sort by an unknown field is answered 200, unsorted', breaks: { 'jsonapi.fetching.sort-unknown-field-400': /sort by an unknown field: expected HTTP 400, got HTTP 200/ } },
  {
    name: 'jsonapi-filter-ignored',
    description: 'filter[...] is accepted and ignored',
    breaks: { 'jsonapi.fetching.filter': /the filter on name returned the other record made for the check/ },
    undecides: {
      'jsonapi.pagination.page-size': /the filter on this check's marker returned records it did not make/,
      'jsonapi.pagination.links': /the filter on this check's marker returned records it did not make/,
      'jsonapi.pagination.links-consistent': /the filter on this check's marker returned records it did not make/,
      'jsonapi.pagination.walk': /the filter on this check's marker returned records it did not make/,
    },
  },
  { name: 'jsonapi-include-ignored', description: 'include is accepted (200) but no included member comes back', breaks: { 'jsonapi.fetching.include': /without an "included" member .*silently ignored/ } },
  { name: 'jsonapi-relationship-delete-ignored', description: 'removing from a relationship answers success but the link stays', breaks: { 'jsonapi.relationships.add-list-remove': /after removal the relationship still lists the related record/ } },
  {
    name: 'jsonapi-acl-ignored',
    description: 'module ACL is not enforced: a denied user reads the module',
    breaks: { 'jsonapi.acl.no-data': /a denied user read the module: HTTP 200/, 'jsonapi.acl.relationship-read': /a denied module was read through a relationship: HTTP 200/ },
    undecides: { 'jsonapi.acl.forbidden-403': /a denied module was accepted \(HTTP 200.*no refusal whose status could be judged/ },
  },
  // --- faults that break the controls of checks judging a refusal: they must end inconclusive ---
  {
    name: 'jsonapi-writes-refused',
    description: 'the API user may read but not write: every create, update and delete answers 403',
    breaks: { 'jsonapi.crud.create': /create was refused: HTTP 403/ },
    undecides: {
      'jsonapi.crud.create-status': /create did not succeed \(HTTP 403/,
      'jsonapi.crud.create-type': /create answered HTTP 403 .*without a resource object/,
      'jsonapi.negotiation.content-type-params-415': /control did not succeed: the same create with Content-Type: application\/vnd\.api\+json got HTTP 403/,
      'jsonapi.errors.malformed-body-400': /control did not succeed: a well-formed create to the same endpoint got HTTP 403/,
      'jsonapi.crud.duplicate-id-kept': /client-generated ids are not supported \(HTTP 403\)/,
      'jsonapi.crud.duplicate-id-409': /client-generated ids are not supported \(HTTP 403\)/,
    },
  },
  {
    name: 'jsonapi-reads-404',
    description: 'reading a single record answers 404, even for a record that exists',
    breaks: { 'jsonapi.crud.read-back': /read of the created record: expected HTTP 200, got HTTP 404/ },
    undecides: {
      'jsonapi.errors.unknown-id-404': /control did not succeed: the read of an existing record got HTTP 404/,
      'jsonapi.crud.delete': /control did not succeed: the read of the record before the delete got HTTP 404/,
      'jsonapi.crud.deleted-read-404': /control did not succeed: the read of the record before the delete got HTTP 404/,
      'jsonapi.crud.update-only-sent': /control did not succeed: the read of the record before the update got HTTP 404/,
      'jsonapi.documents.valid': /GET Accounts\/\{id\} answered HTTP 404 .*no document to judge/,
      'jsonapi.acl.relationship-read': /control did not succeed: the limited user's direct read of the related record/,
    },
  },
  {
    name: 'jsonapi-acl-denies-all',
    description: 'a non-admin user is refused every module (403), also those its role allows',
    breaks: {},
    undecides: {
      'jsonapi.acl.no-data': /control did not succeed: the limited user's list of a module its role allows got HTTP 403/,
      'jsonapi.acl.forbidden-403': /control did not succeed: the limited user's list of a module its role allows got HTTP 403/,
      'jsonapi.acl.relationship-read': /control did not succeed: the limited user's direct read of the related record .* got HTTP 403/,
    },
  },
  {
    name: 'jsonapi-filter-400',
    description: 'filtering is not supported: any filter[…] parameter answers 400',
    breaks: { 'jsonapi.fetching.filter': /filtered list: expected HTTP 200, got HTTP 400/ },
    undecides: {
      'jsonapi.negotiation.accept-params-406': /control did not succeed: the same list with Accept: application\/vnd\.api\+json got HTTP 400/,
      'jsonapi.errors.unknown-module': /control did not succeed: the same list of a module that exists got HTTP 400/,
      'jsonapi.fetching.sort-unknown-field-400': /control did not succeed: the same list without sort got HTTP 400/,
      'jsonapi.fetching.sort': /control did not succeed: the same list without sort got HTTP 400/,
      'jsonapi.fetching.include': /control did not succeed: the same list without include got HTTP 400/,
      'jsonapi.pagination.page-size': /control did not succeed: the filtered list of the \d+ records made for this check got HTTP 400/,
      'jsonapi.pagination.links': /control did not succeed: the filtered list of the \d+ records made for this check got HTTP 400/,
      'jsonapi.pagination.links-consistent': /control did not succeed: the filtered list of the \d+ records made for this check got HTTP 400/,
      'jsonapi.pagination.walk': /control did not succeed: the filtered list of the \d+ records made for this check got HTTP 400/,
    },
  },
);
