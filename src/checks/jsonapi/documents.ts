// JSON:API 1.0 §Document Structure and §Content Negotiation (Servers).
import { expectStatus, everyOf, jsonApiMediaType, RES, validDocument, type Labeled } from './conditions.js';
import { all, type CheckDef, type Exchange } from '../types.js';

export const documentsValid: CheckDef<Labeled[]> = {
  id: 'jsonapi.documents.valid',
  title: 'list and read responses are valid JSON:API 1.0 documents',
  specRefs: ['JSON:API 1.0 §Document Structure', 'JSON:API 1.0 §Fetching Resources'],
  severity: 'must',
  requires: RES,
  evaluate: (list) => everyOf(list, (ex, label) => all(expectStatus(ex, [200], label), validDocument(ex, label))),
};

export const documentsMediaType: CheckDef<Labeled[]> = {
  id: 'jsonapi.documents.media-type',
  title: 'JSON:API responses (success and error) carry Content-Type: application/vnd.api+json without parameters',
  specRefs: ['JSON:API 1.0 §Content Negotiation'],
  severity: 'must',
  requires: RES,
  evaluate: (list) => everyOf(list, (ex, label) => jsonApiMediaType(ex, label)),
};

export const contentTypeParams415: CheckDef<Exchange> = {
  id: 'jsonapi.negotiation.content-type-params-415',
  title: 'a request with Content-Type: application/vnd.api+json plus parameters gets 415',
  specRefs: ['JSON:API 1.0 §Content Negotiation'],
  severity: 'must',
  requires: RES,
  evaluate: (ex) => expectStatus(ex, [415], 'a create with Content-Type: application/vnd.api+json; charset=utf-8'),
};

export const acceptParams406: CheckDef<Exchange> = {
  id: 'jsonapi.negotiation.accept-params-406',
  title: 'a request whose Accept has the JSON:API media type only with parameters gets 406',
  specRefs: ['JSON:API 1.0 §Content Negotiation'],
  severity: 'must',
  requires: RES,
  evaluate: (ex) => expectStatus(ex, [406], 'a list with Accept: application/vnd.api+json; ext="x"'),
};

export const DOCUMENT_CHECKS = [documentsValid, documentsMediaType, contentTypeParams415, acceptParams406];
