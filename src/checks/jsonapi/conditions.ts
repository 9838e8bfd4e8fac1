// Conditions over JSON:API exchanges. Reasons say what was expected and what came back, in one line.
import { validateJsonApi } from '../../schema/jsonapi.js';
import { bodyObject, describe, header, is4xx, isSuccess as is2xx, succeeds, type Labeled } from '../conditions.js';
import { fail, inconclusive, pass, type Exchange, type Outcome, type Requirement } from '../types.js';

export const MEDIA = 'application/vnd.api+json';
/** Every resource check needs a token acting for the user on the resource API. */
export const RES: Requirement[] = ['tokens:user', 'resource-api'];

export const statusOf = (ex: Exchange): number | undefined => ex.response?.status;

export function expectStatus(ex: Exchange, allowed: readonly number[], what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  return allowed.includes(ex.response.status) ? pass() : fail(`${what}: expected HTTP ${allowed.join(' or ')}, got ${describe(ex)}`);
}

export { is2xx };

/** Wire format of a success: its status. A request that did not succeed has no success status to
 * judge (that is the outcome check's finding), so the verdict is inconclusive, never pass. */
export function succeededWith(ex: Exchange, allowed: readonly number[], what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  if (!is2xx(ex)) return inconclusive(`${what} did not succeed (${describe(ex)}), so there is no success whose status could be judged`);
  return expectStatus(ex, allowed, what);
}

export { controlled, judgeEach, succeeds, type Labeled } from '../conditions.js';

/** Answers to judge, and the control that shows the harness's token works at all: a read with the
 * same token. Without it, a server refusing the token would have its 401s judged as JSON:API answers. */
export interface ControlledSamples {
  control: Exchange;
  samples: Labeled[];
}

/** The control of ControlledSamples, for controlled(). */
export const tokenWorks = (control: Exchange) => succeeds('a list with the same token', control);

// ---------------------------------------------------------------- documents

/** A response document valid against the JSON:API 1.0 schema. */
export function validDocument(ex: Exchange, what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  if (ex.response.json === undefined) return fail(`${what}: the body is not JSON (${describe(ex)})`);
  const r = validateJsonApi(ex.response.json);
  return r.valid ? pass() : fail(`${what}: not a valid JSON:API document: ${r.errors}`);
}

/** The body carries an error document at all: a JSON object with an `errors` member. */
export function hasErrorsMember(ex: Exchange): boolean {
  const body = bodyObject(ex);
  return !!body && 'errors' in body;
}

/** Content-Type exactly application/vnd.api+json, without media type parameters. */
export function jsonApiMediaType(ex: Exchange, what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  const ct = header(ex, 'content-type');
  if (ct === undefined) return fail(`${what}: no Content-Type (${describe(ex)})`);
  return ct.trim().toLowerCase() === MEDIA ? pass() : fail(`${what}: Content-Type is "${ct}", expected "${MEDIA}" without parameters`);
}

export interface ResourceLike {
  type?: unknown;
  id?: unknown;
  attributes?: Record<string, unknown>;
  relationships?: unknown;
  links?: unknown;
  meta?: unknown;
}

export function primary(ex: Exchange): unknown {
  return bodyObject(ex)?.data;
}

export function resourceList(ex: Exchange): ResourceLike[] {
  const d = primary(ex);
  const list = Array.isArray(d) ? d : d && typeof d === 'object' ? [d] : [];
  return list.filter((r): r is ResourceLike => !!r && typeof r === 'object');
}

export function single(ex: Exchange): ResourceLike | undefined {
  const d = primary(ex);
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as ResourceLike) : undefined;
}

export function ids(ex: Exchange): string[] {
  return resourceList(ex).flatMap((r) => (typeof r.id === 'string' ? [r.id] : []));
}

/** Primary data that holds a resource (not null, not an empty array). */
export function holdsData(ex: Exchange): boolean {
  const d = primary(ex);
  return Array.isArray(d) ? d.length > 0 : !!d;
}

/** Attributes that differ from what was expected ("name: 'a' ≠ 'b'"), at most three. */
export function attributeDiff(expected: Record<string, string>, actual: Record<string, unknown> | undefined): string[] {
  return Object.entries(expected)
    .filter(([k, v]) => actual?.[k] !== v)
    .slice(0, 3)
    .map(([k, v]) => `${k}: expected "${v}", got ${actual && k in actual ? JSON.stringify(actual[k]) : 'nothing'}`);
}

/** Security outcome of a denied read: no primary data (a 4xx refusal, or 2xx with empty data). An
 * answer that is neither (no answer, 3xx, 5xx) cannot tell whether access would have been granted. */
export function noDataFor(ex: Exchange, what: string): Outcome {
  if (is2xx(ex)) return holdsData(ex) ? fail(`${what}: ${describe(ex)}`) : pass('answered 2xx with empty data');
  if (is4xx(ex)) return pass(describe(ex));
  return inconclusive(`${what} was neither answered with data nor refused: ${describe(ex)}`);
}
