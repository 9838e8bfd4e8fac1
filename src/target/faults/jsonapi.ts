import { faults } from './types.js';

const OBS = 'suitecrm-7.14-observed.md';

/** JSON:API resource API faults (V8 module routes). None touches the token probe (page[size]=1 list). */
export const JSONAPI_FAULTS = faults(
  // --- observed departures of SuiteCRM 7.14 (faithful mode) ---
  {
    name: 'jsonapi-links-relative',
    description: 'links are relative to /Api/ ("V8/module/…"), not URLs a client can resolve',
    breaks: ['jsonapi.documents.valid', 'jsonapi.pagination.links', 'jsonapi.pagination.walk', 'jsonapi.relationships.document'],
    observed: `${OBS} §5.1, §5.2`,
  },
  {
    name: 'jsonapi-validation-errors-json',
    description: 'parameter-validation errors are sent as application/json, not application/vnd.api+json',
    breaks: ['jsonapi.documents.media-type'],
    observed: `${OBS} §2`,
  },
  { name: 'jsonapi-no-415', description: 'Content-Type: application/vnd.api+json with media type parameters is accepted', breaks: ['jsonapi.negotiation.content-type-params-415'], observed: `${OBS} §5.4` },
  { name: 'jsonapi-no-406', description: 'Accept with only parameterised JSON:API media types is answered 200', breaks: ['jsonapi.negotiation.accept-params-406'], observed: `${OBS} §5.4` },
  { name: 'jsonapi-type-singular', description: 'type is the singular bean name (Account) while requests use the module name (Accounts)', breaks: ['jsonapi.crud.create'], observed: `${OBS} §5.1` },
  { name: 'jsonapi-update-201', description: 'a successful PATCH answers 201', breaks: ['jsonapi.crud.update-status', 'jsonapi.openapi.exchanges-match'], observed: `${OBS} §5.5` },
  { name: 'jsonapi-patch-only-at-module-root', description: 'PATCH /module/{Module}/{id} is 405; only PATCH /module updates', breaks: ['jsonapi.crud.update-at-resource-url'], observed: `${OBS} §5.5` },
  { name: 'jsonapi-not-found-400', description: 'unknown or deleted ids (and unknown modules) answer 400, not 404', breaks: ['jsonapi.errors.unknown-id-404', 'jsonapi.crud.delete'], observed: `${OBS} §5.3, §5.6` },
  { name: 'jsonapi-conflict-400', description: 'creating with a client-generated id that exists answers 400, not 409', breaks: ['jsonapi.crud.duplicate-id-409'], observed: `${OBS} §5.4` },
  { name: 'jsonapi-acl-400', description: 'a module the user may not access answers 400 AccessDeniedException, not 403', breaks: ['jsonapi.acl.forbidden-403'], observed: `${OBS} §5.10` },
  { name: 'jsonapi-errors-object', description: 'errors is an object (not an array) with a numeric status and a null title', breaks: ['jsonapi.errors.document-shape'], observed: `${OBS} §5.8` },
  { name: 'jsonapi-pagination-links-wrong', description: 'next points at page 1 when page[number] is absent; first/prev null on page 1; last null on the last page', breaks: ['jsonapi.pagination.links', 'jsonapi.pagination.walk'], observed: `${OBS} §5.2, §7` },
  {
    name: 'jsonapi-relationship-acl-ignored',
    description: "a relationship read returns records of a module the user's role denies (a direct read is refused)",
    breaks: ['jsonapi.acl.relationship-read'],
    observed: `${OBS} §5.10`,
  },
  { name: 'jsonapi-relationship-full-resources', description: 'a relationship GET returns full resources (attributes, singular-type self link), not resource identifiers', breaks: ['jsonapi.relationships.document'], observed: `${OBS} §5.7` },
  { name: 'jsonapi-relationship-post-single-object', description: 'POST to a relationship refuses a data array (takes one object only)', breaks: ['jsonapi.relationships.to-many-array'], observed: `${OBS} §5.7` },
  { name: 'jsonapi-relationship-post-201', description: 'adding to a relationship answers 201 with a meta document', breaks: ['jsonapi.relationships.update-status'], observed: `${OBS} §5.7` },
  { name: 'jsonapi-include-unsupported-400', description: 'include is answered 400 "option does not exist" (conforms: explicit refusal)', breaks: [], observed: `${OBS} §5.2` },
  // --- departures seen in other products or plausible regressions (conformant-only) ---
  { name: 'jsonapi-error-status-number', description: 'error objects carry status as a number', breaks: ['jsonapi.errors.document-shape'] },
  { name: 'jsonapi-create-drops-attribute', description: 'create answers 201 but does not store the description attribute', breaks: ['jsonapi.crud.read-back'] },
  { name: 'jsonapi-update-clears-unsent', description: 'PATCH clears attributes the request did not send', breaks: ['jsonapi.crud.update-only-sent'] },
  { name: 'jsonapi-delete-keeps-record', description: 'DELETE answers success but the record stays readable', breaks: ['jsonapi.crud.delete'] },
  { name: 'jsonapi-unknown-module-500', description: 'an unknown module crashes the API (500 HTML)', breaks: ['jsonapi.errors.unknown-module'] },
  { name: 'jsonapi-malformed-body-500', description: 'a request body that is not JSON crashes the API (500 HTML)', breaks: ['jsonapi.errors.malformed-body-400'] },
  { name: 'jsonapi-page-size-capped', description: 'page[size] above 3 is silently capped at 3, without saying so', breaks: ['jsonapi.pagination.page-size'] },
  { name: 'jsonapi-fields-ignored', description: 'sparse fieldsets are ignored (every attribute is returned)', breaks: ['jsonapi.fetching.sparse-fieldsets'] },
  { name: 'jsonapi-sort-desc-ignored', description: 'sort=-field sorts ascending', breaks: ['jsonapi.fetching.sort'] },
  { name: 'jsonapi-unknown-sort-ignored', description: 'sort by an unknown field is answered 200, unsorted', breaks: ['jsonapi.fetching.sort-unknown-field-400'] },
  { name: 'jsonapi-filter-ignored', description: 'filter[...] is accepted and ignored', breaks: ['jsonapi.fetching.filter'] },
  { name: 'jsonapi-include-ignored', description: 'include is accepted (200) but no included member comes back', breaks: ['jsonapi.fetching.include'] },
  { name: 'jsonapi-relationship-delete-ignored', description: 'removing from a relationship answers success but the link stays', breaks: ['jsonapi.relationships.add-list-remove'] },
  { name: 'jsonapi-acl-ignored', description: 'module ACL is not enforced: a denied user reads the module', breaks: ['jsonapi.acl.no-data', 'jsonapi.acl.forbidden-403', 'jsonapi.acl.relationship-read'] },
);
