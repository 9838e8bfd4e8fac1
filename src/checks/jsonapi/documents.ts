// JSON:API 1.0 §Document Structure and §Content Negotiation (Servers).
import { describe } from '../conditions.js';
import { inconclusive, type CheckDef, type Exchange } from '../types.js';
import { controlled, expectStatus, judgeEach, jsonApiMediaType, RES, statusOf, succeeds, validDocument, type Labeled } from './conditions.js';

export const documentsValid: CheckDef<Labeled[]> = {
  id: 'jsonapi.documents.valid',
  title: 'list and read responses are valid JSON:API 1.0 documents',
  specRefs: ['JSON:API 1.0 §Document Structure', 'JSON:API 1.0 §Fetching Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  // A sample that did not answer 200 holds no document of the kind this check judges.
  evaluate: (list) => judgeEach(list, (ex, label) => (statusOf(ex) === 200 ? validDocument(ex, label) : inconclusive(`${label} answered ${describe(ex)}: no document to judge`))),
};

export const documentsMediaType: CheckDef<Labeled[]> = {
  id: 'jsonapi.documents.media-type',
  title: 'JSON:API responses (success and error) carry Content-Type: application/vnd.api+json without parameters',
  specRefs: ['JSON:API 1.0 §Content Negotiation'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: (list) => judgeEach(list, jsonApiMediaType),
};

/** A request with the cause (a parameterised media type) and the same request without it. */
export interface NegotiationEvidence {
  control: Exchange;
  attempt: Exchange;
}

export const contentTypeParams415: CheckDef<NegotiationEvidence> = {
  id: 'jsonapi.negotiation.content-type-params-415',
  title: 'a request with Content-Type: application/vnd.api+json plus parameters gets 415',
  specRefs: ['JSON:API 1.0 §Content Negotiation'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ control, attempt }) =>
    controlled([succeeds('the same create with Content-Type: application/vnd.api+json', control)], () =>
      expectStatus(attempt, [415], 'a create with Content-Type: application/vnd.api+json; charset=utf-8'),
    ),
};

export const acceptParams406: CheckDef<NegotiationEvidence> = {
  id: 'jsonapi.negotiation.accept-params-406',
  title: 'a request whose Accept has the JSON:API media type only with parameters gets 406',
  specRefs: ['JSON:API 1.0 §Content Negotiation'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ control, attempt }) =>
    controlled([succeeds('the same list with Accept: application/vnd.api+json', control)], () =>
      expectStatus(attempt, [406], 'a list with Accept: application/vnd.api+json; ext="x"'),
    ),
};

export const DOCUMENT_CHECKS = [documentsValid, documentsMediaType, contentTypeParams415, acceptParams406];
