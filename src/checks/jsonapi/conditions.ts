// Conditions over JSON:API exchanges. Reasons say what was expected and what came back, in one line.
import { validateJsonApi } from '../../schema/jsonapi.js';
import { bodyObject, describe, header } from '../conditions.js';
import { all, fail, inconclusive, pass, type Exchange, type Outcome, type Requirement } from '../types.js';

export const MEDIA = 'application/vnd.api+json';
/** Every resource check needs a password-grant token on the resource API. */
export const RES: Requirement[] = ['tokens:user', 'resource-api'];

export const statusOf = (ex: Exchange): number | undefined => ex.response?.status;

export function expectStatus(ex: Exchange, allowed: readonly number[], what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  return allowed.includes(ex.response.status) ? pass() : fail(`${what}: expected HTTP ${allowed.join(' or ')}, got ${describe(ex)}`);
}

export function is2xx(ex: Exchange): boolean {
  const s = statusOf(ex) ?? 0;
  return s >= 200 && s < 300;
}

const is4xx = (ex: Exchange) => (statusOf(ex) ?? 0) >= 400 && (statusOf(ex) ?? 0) < 500;

/** Wire format of a success: its status. A request that did not succeed has no success status to
 * judge (that is the outcome check's finding), so the verdict is inconclusive, never pass. */
export function succeededWith(ex: Exchange, allowed: readonly number[], what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  if (!is2xx(ex)) return inconclusive(`${what} did not succeed (${describe(ex)}), so there is no success whose status could be judged`);
  return expectStatus(ex, allowed, what);
}

/** Wire format of a refusal whose security or data outcome another check judges: a request that was
 * accepted has no refusal whose status could be judged. */
export function refusalStatus(ex: Exchange, allowed: readonly number[], what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  if (is2xx(ex)) return inconclusive(`${what} was accepted (${describe(ex)}), so there is no refusal whose status could be judged`);
  return expectStatus(ex, allowed, what);
}

// ---------------------------------------------------------------- controls

/** The control of a check that judges a refusal: the same request without the cause. */
export interface Control {
  /** What the control request was ("the same create with a plain Content-Type"). */
  what: string;
  ex: Exchange;
  ok: boolean;
}

/** A control that must succeed (2xx). */
export const succeeds = (what: string, ex: Exchange, ok = is2xx(ex)): Control => ({ what, ex, ok });

/** Judges only when every control succeeded: a refusal of everything proves nothing, so a failed
 * control makes the verdict inconclusive (never pass, never fail). Reasons say "control". */
export function controlled(controls: readonly Control[], judge: () => Outcome): Outcome {
  const failed = controls.find((c) => !c.ok);
  if (!failed) return judge();
  return inconclusive(`the control did not succeed: ${failed.what} got ${describe(failed.ex)}, so the outcome cannot be attributed to the cause`);
}

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

export type Labeled = { label: string; ex: Exchange };

/** Every sample must hold: the first failure decides, else the first inconclusive one. */
export function judgeEach(list: readonly Labeled[], cond: (ex: Exchange, label: string) => Outcome): Outcome {
  return all(...list.map(({ label, ex }) => cond(ex, label)));
}

/** Security outcome of a denied read: no primary data (a 4xx refusal, or 2xx with empty data). An
 * answer that is neither (no answer, 3xx, 5xx) cannot tell whether access would have been granted. */
export function noDataFor(ex: Exchange, what: string): Outcome {
  if (is2xx(ex)) return holdsData(ex) ? fail(`${what}: ${describe(ex)}`) : pass('answered 2xx with empty data');
  if (is4xx(ex)) return pass(describe(ex));
  return inconclusive(`${what} was neither answered with data nor refused: ${describe(ex)}`);
}
