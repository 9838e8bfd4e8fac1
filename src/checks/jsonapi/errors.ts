// JSON:API 1.0 §Errors and the error answers of §Fetching/§Creating Resources. The status of a
// refusal, whether an error answer is an error document at all, and the exact shape of that document
// are separate checks: an answer that stops being an error document is seen even where the shape
// already departs.
import { bodyObject, describe } from '../conditions.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';
import { controlled, expectStatus, hasErrorsMember, judgeEach, RES, statusOf, succeeds, validDocument, type Labeled } from './conditions.js';

/** A request with the cause (an unknown id, an unknown module) and the same request without it. */
export interface RefusalEvidence {
  control: Exchange;
  attempt: Exchange;
}

export const unknownId404: CheckDef<RefusalEvidence> = {
  id: 'jsonapi.errors.unknown-id-404',
  title: 'fetching an id that does not exist answers 404',
  specRefs: ['JSON:API 1.0 §Fetching Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ control, attempt }) =>
    controlled([succeeds('the read of an existing record', control, statusOf(control) === 200)], () => expectStatus(attempt, [404], 'read of an unknown id')),
};

export const unknownModule: CheckDef<RefusalEvidence> = {
  id: 'jsonapi.errors.unknown-module',
  title: 'a list of an unknown module answers 404 (or 400), never 2xx or 5xx',
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'RFC 9110 §15.5.5'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ control, attempt }) =>
    controlled([succeeds('the same list of a module that exists', control)], () => expectStatus(attempt, [404, 400], 'list of an unknown module')),
};

export interface MalformedEvidence {
  /** A well-formed create to the same endpoint. */
  control: Exchange;
  samples: Labeled[];
}

export const malformedBody400: CheckDef<MalformedEvidence> = {
  id: 'jsonapi.errors.malformed-body-400',
  title: 'malformed request bodies answer 400, never 5xx',
  specRefs: ['JSON:API 1.0 §Creating Resources', 'RFC 9110 §15.5.1'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ control, samples }) => controlled([succeeds('a well-formed create to the same endpoint', control)], () => judgeEach(samples, (ex, label) => expectStatus(ex, [400], label))),
};

const isError = (ex: Exchange) => (statusOf(ex) ?? 0) >= 400;

export const errorDocument: CheckDef<Labeled[]> = {
  id: 'jsonapi.errors.error-document',
  title: 'error answers carry an error document (a JSON object with an "errors" member)',
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'JSON:API 1.0 §Errors'],
  // "A server MAY include error details with error responses."
  severity: 'advisory',
  keyword: 'MAY',
  requires: RES,
  evaluate(samples) {
    const errors = samples.filter(({ ex }) => isError(ex));
    if (!errors.length) return inconclusive(`none of the ${samples.length} requests meant to be refused was answered with an error, so no error answer could be judged`);
    return judgeEach(errors, (ex, label) => (hasErrorsMember(ex) ? pass() : fail(`${label}: HTTP ${statusOf(ex)} without an error document (${describe(ex)})`)));
  },
};

/** §Error Objects: "errors" is an array of error objects; every member is optional, but a member
 * that is present has the type the specification gives it (the JSON:API 1.0 schema). */
export function errorObjects(ex: Exchange, label: string): Outcome {
  const errors = bodyObject(ex)?.errors;
  if (!Array.isArray(errors)) return fail(`${label}: "errors" is ${errors === null ? 'null' : `a${typeof errors === 'object' ? 'n object' : ` ${typeof errors}`}`}, not an array (${describe(ex)})`);
  const notObject = errors.findIndex((e) => !e || typeof e !== 'object' || Array.isArray(e));
  if (notObject >= 0) return fail(`${label}: /errors/${notObject} is not an error object`);
  return validDocument(ex, label);
}

export const documentShape: CheckDef<Labeled[]> = {
  id: 'jsonapi.errors.document-shape',
  title: 'error documents: "errors" is an array of error objects whose members have the types JSON:API gives them',
  specRefs: ['JSON:API 1.0 §Errors'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate(samples) {
    // Answers without an error document are jsonapi.errors.error-document's finding, not a shape.
    const documents = samples.filter(({ ex }) => hasErrorsMember(ex));
    if (!documents.length) return inconclusive(`none of the ${samples.length} error answers carried an error document, so no error document's shape could be judged`);
    return judgeEach(documents, errorObjects);
  },
};

export const ERROR_CHECKS = [unknownId404, unknownModule, malformedBody400, errorDocument, documentShape];
