// Conditions over JSON:API exchanges. Reasons say what was expected and what came back, in one line.
import { validateJsonApi } from '../../schema/jsonapi.js';
import { bodyObject, describe, header } from '../conditions.js';
import { fail, pass, type Exchange, type Outcome, type Requirement } from '../types.js';

export const MEDIA = 'application/vnd.api+json';
/** Every resource check needs a password-grant token on the resource API. */
export const RES: Requirement[] = ['tokens:user', 'resource-api'];

export const statusOf = (ex: Exchange): number | undefined => ex.response?.status;

export function expectStatus(ex: Exchange, allowed: readonly number[], what: string): Outcome {
  const s = statusOf(ex);
  return s !== undefined && allowed.includes(s) ? pass() : fail(`${what}: expected HTTP ${allowed.join(' or ')}, got ${describe(ex)}`);
}

export function is2xx(ex: Exchange): boolean {
  const s = statusOf(ex) ?? 0;
  return s >= 200 && s < 300;
}

/** A response document valid against the JSON:API 1.0 schema. */
export function validDocument(ex: Exchange, what: string): Outcome {
  if (!ex.response) return fail(`${what}: ${describe(ex)}`);
  if (ex.response.json === undefined) return fail(`${what}: the body is not JSON (${describe(ex)})`);
  const r = validateJsonApi(ex.response.json);
  return r.valid ? pass() : fail(`${what}: not a valid JSON:API document: ${r.errors}`);
}

/** An error answer that carries an error document (an `errors` member), whatever its inner shape. */
export function errorDocument(ex: Exchange, allowed: readonly number[], what: string): Outcome {
  const s = expectStatus(ex, allowed, what);
  if (s.verdict !== 'pass') return s;
  const body = bodyObject(ex);
  return body && 'errors' in body ? pass() : fail(`${what}: HTTP ${statusOf(ex)} without an error document (${describe(ex)})`);
}

/** Content-Type exactly application/vnd.api+json, without media type parameters. */
export function jsonApiMediaType(ex: Exchange, what: string): Outcome {
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

/** Attributes that differ from what was expected ("name: 'a' ≠ 'b'"), at most three. */
export function attributeDiff(expected: Record<string, string>, actual: Record<string, unknown> | undefined): string[] {
  return Object.entries(expected)
    .filter(([k, v]) => actual?.[k] !== v)
    .slice(0, 3)
    .map(([k, v]) => `${k}: expected "${v}", got ${actual && k in actual ? JSON.stringify(actual[k]) : 'nothing'}`);
}

export type Labeled = { label: string; ex: Exchange };

export function everyOf(list: readonly Labeled[], cond: (ex: Exchange, label: string) => Outcome): Outcome {
  for (const { label, ex } of list) {
    const o = cond(ex, label);
    if (o.verdict !== 'pass') return o;
  }
  return pass();
}

/** Security outcome of a denied read: no primary data (an error, or 2xx with empty data). */
export function noDataFor(ex: Exchange, what: string): Outcome {
  const d = bodyObject(ex)?.data;
  if (is2xx(ex) && (Array.isArray(d) ? d.length > 0 : !!d)) return fail(`${what}: ${describe(ex)}`);
  return is2xx(ex) ? pass('answered 2xx with empty data') : pass(describe(ex));
}
