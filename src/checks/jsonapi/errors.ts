// JSON:API 1.0 §Errors and the error answers of §Fetching/§Creating Resources.
import { bodyObject, describe } from '../conditions.js';
import { fail, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';
import { errorDocument, everyOf, RES, statusOf, type Labeled } from './conditions.js';

export const unknownId404: CheckDef<Exchange> = {
  id: 'jsonapi.errors.unknown-id-404',
  title: 'fetching an id that does not exist answers 404 with an error document',
  specRefs: ['JSON:API 1.0 §Fetching Resources'],
  severity: 'must',
  requires: RES,
  evaluate: (ex) => errorDocument(ex, [404], 'read of an unknown id'),
};

export const unknownModule: CheckDef<Exchange> = {
  id: 'jsonapi.errors.unknown-module',
  title: 'an unknown module answers 404 (or 400) with an error document',
  specRefs: ['JSON:API 1.0 §Fetching Resources', 'JSON:API 1.0 §Errors'],
  severity: 'must',
  requires: RES,
  evaluate: (ex) => errorDocument(ex, [404, 400], 'list of an unknown module'),
};

export const malformedBody400: CheckDef<Labeled[]> = {
  id: 'jsonapi.errors.malformed-body-400',
  title: 'malformed request bodies answer 400 with an error document, never 5xx',
  specRefs: ['JSON:API 1.0 §Errors', 'JSON:API 1.0 §Creating Resources'],
  severity: 'must',
  requires: RES,
  evaluate: (list) => everyOf(list, (ex, label) => errorDocument(ex, [400], label)),
};

/** §Error Objects: an array of objects; status a string equal to the HTTP status; title or detail. */
export function errorObjects(ex: Exchange, label: string): Outcome {
  const errors = bodyObject(ex)?.errors;
  if (!Array.isArray(errors)) return fail(`${label}: "errors" is ${errors === undefined ? 'missing' : `a${typeof errors === 'object' ? 'n object' : ` ${typeof errors}`}`}, not an array (${describe(ex)})`);
  if (!errors.length) return fail(`${label}: "errors" is an empty array`);
  for (const [i, e] of errors.entries()) {
    if (!e || typeof e !== 'object' || Array.isArray(e)) return fail(`${label}: /errors/${i} is not an object`);
    const o = e as Record<string, unknown>;
    if (o.status !== undefined && typeof o.status !== 'string') return fail(`${label}: /errors/${i}/status is a ${typeof o.status}, not a string`);
    if (o.status !== undefined && o.status !== String(statusOf(ex))) return fail(`${label}: /errors/${i}/status "${String(o.status)}" differs from HTTP ${statusOf(ex)}`);
    if (typeof o.title !== 'string' && typeof o.detail !== 'string') return fail(`${label}: /errors/${i} has neither a title nor a detail string`);
  }
  return pass();
}

export const documentShape: CheckDef<Labeled[]> = {
  id: 'jsonapi.errors.document-shape',
  title: 'error documents: "errors" is an array of error objects with string status and a title or detail',
  specRefs: ['JSON:API 1.0 §Errors'],
  severity: 'must',
  requires: RES,
  evaluate: (list) => everyOf(list, errorObjects),
};

export const ERROR_CHECKS = [unknownId404, unknownModule, malformedBody400, documentShape];
