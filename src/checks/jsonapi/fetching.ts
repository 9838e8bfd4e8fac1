// JSON:API 1.0 §Sparse Fieldsets, §Sorting, §Filtering, §Inclusion of Related Resources.
import { bodyObject, describe } from '../conditions.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange } from '../types.js';
import { controlled, expectStatus, RES, resourceList, succeeds } from './conditions.js';

export interface FieldsEvidence {
  field: string;
  ex: Exchange;
}

export const sparseFieldsets: CheckDef<FieldsEvidence> = {
  id: 'jsonapi.fetching.sparse-fieldsets',
  title: 'fields[type]=a returns only the asked attributes',
  specRefs: ['JSON:API 1.0 §Sparse Fieldsets'],
  severity: 'must',
  keyword: 'MUST NOT',
  requires: RES,
  evaluate({ field, ex }) {
    const s = expectStatus(ex, [200], `fields[…]=${field}`);
    if (s.verdict !== 'pass') return s;
    const list = resourceList(ex);
    if (!list.length) return inconclusive('the sparse fieldset request returned no resources, so no fieldset could be judged');
    for (const r of list) {
      const extra = Object.keys(r.attributes ?? {}).filter((k) => k !== field);
      if (extra.length) return fail(`asked for "${field}" only, got ${extra.length} more attribute(s) (e.g. ${extra.slice(0, 3).join(', ')})`);
    }
    return list.some((r) => r.attributes && field in r.attributes) ? pass() : fail(`no resource carries the asked attribute "${field}"`);
  },
};

export interface SortEvidence {
  field: string;
  /** The values of `field` of the records made for the check (the ones whose order is judged). */
  values: string[];
  /** The same (filtered) list without sort: the control. */
  control: Exchange;
  asc: Exchange;
  desc: Exchange;
}

const cmp = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** The values the check made differ in their last word (the rest is the run marker). */
const shown = (v: string) => `"…${v.split(' ').pop()}"`;

function firstDisorder(values: string[], dir: 1 | -1): string | undefined {
  for (let i = 1; i < values.length; i++) if (dir * cmp(values[i - 1]!, values[i]!) > 0) return `${shown(values[i - 1]!)} before ${shown(values[i]!)}`;
  return undefined;
}

export const sort: CheckDef<SortEvidence> = {
  id: 'jsonapi.fetching.sort',
  title: 'sort=field orders ascending and sort=-field descending',
  specRefs: ['JSON:API 1.0 §Sorting'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ field, values, control, asc, desc }) =>
    controlled([succeeds('the same list without sort', control)], () => {
      for (const [ex, q, dir] of [[asc, `sort=${field}`, 1], [desc, `sort=-${field}`, -1]] as const) {
        const s = expectStatus(ex, [200], q);
        if (s.verdict !== 'pass') return s;
        // Only the records made for the check: their values are known to differ.
        const got = resourceList(ex).map((r) => String(r.attributes?.[field] ?? '')).filter((v) => values.includes(v));
        if (got.length < 2) return inconclusive(`${q} returned ${got.length} of the ${values.length} records made for it, so no order could be judged`);
        const d = firstDisorder(got, dir);
        if (d) return fail(`${q} is not ${dir === 1 ? 'ascending' : 'descending'}: ${d}`);
      }
      return pass();
    }),
};

/** A request with the cause (an unknown sort field) and the same request without it. */
export interface SortUnknownEvidence {
  control: Exchange;
  attempt: Exchange;
}

export const sortUnknownField400: CheckDef<SortUnknownEvidence> = {
  id: 'jsonapi.fetching.sort-unknown-field-400',
  title: 'sorting by a field the server cannot sort by answers 400',
  specRefs: ['JSON:API 1.0 §Sorting'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ control, attempt }) => controlled([succeeds('the same list without sort', control)], () => expectStatus(attempt, [400], 'sort by an unknown field')),
};

export interface FilterEvidence {
  field: string;
  /** The value filtered for (of a record made for the check) and another record's value. */
  value: string;
  other: string;
  filtered: Exchange;
}

export const filter: CheckDef<FilterEvidence> = {
  id: 'jsonapi.fetching.filter',
  title: "the profile's equality filter returns the matching record and no other",
  specRefs: ['JSON:API 1.0 §Filtering'],
  // JSON:API 1.0 reserves the parameter and leaves its strategy to the server: the profile names it.
  severity: 'advisory',
  keyword: 'profile',
  requires: RES,
  evaluate({ field, value, other, filtered }) {
    const s = expectStatus(filtered, [200], 'filtered list');
    if (s.verdict !== 'pass') return s;
    const list = resourceList(filtered);
    if (!list.some((r) => r.attributes?.[field] === value)) return fail(`the filter on ${field} matched nothing, though such a record exists`);
    if (list.some((r) => r.attributes?.[field] === other)) return fail(`the filter on ${field} returned the other record made for the check, whose ${field} differs`);
    const stray = list.find((r) => r.attributes?.[field] !== value);
    return stray ? fail(`the filter on ${field} returned a record whose ${field} is ${JSON.stringify(stray.attributes?.[field])}`) : pass();
  },
};

export interface IncludeEvidence {
  relatedId: string;
  /** The same (filtered) list without include: the control. */
  control: Exchange;
  ex: Exchange;
}

/** §Compound Documents: every included resource is identified by some relationship's linkage. */
function fullLinkage(primaryData: { relationships?: unknown }[], included: { type?: unknown; id?: unknown }[]) {
  const linked = new Set<string>();
  for (const r of primaryData) {
    for (const rel of Object.values((r.relationships ?? {}) as Record<string, { data?: unknown }>)) {
      const d = rel?.data;
      for (const ri of Array.isArray(d) ? d : d ? [d] : []) linked.add(`${(ri as { type?: unknown }).type}|${(ri as { id?: unknown }).id}`);
    }
  }
  const seen = new Set<string>();
  for (const r of included) {
    const key = `${String(r.type)}|${String(r.id)}`;
    if (seen.has(key)) return fail(`included holds a ${String(r.type)} resource more than once`);
    seen.add(key);
  }
  const orphan = included.find((r) => !linked.has(`${r.type}|${r.id}`));
  return orphan ? fail(`an included ${String(orphan.type)} resource is not identified by any relationship (full linkage)`) : pass();
}

export const include: CheckDef<IncludeEvidence> = {
  id: 'jsonapi.fetching.include',
  title: 'include returns the related resources in "included", or an explicit 400 where unsupported (never silently nothing)',
  specRefs: ['JSON:API 1.0 §Inclusion of Related Resources'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: ({ relatedId, control, ex }) =>
    controlled([succeeds('the same list without include', control)], () => {
      // §Inclusion: "it MUST respond with 400 Bad Request" where an include path is not supported.
      if (ex.response?.status === 400) return pass('include is not supported and is refused with 400');
      const s = expectStatus(ex, [200, 400], 'list with include');
      if (s.verdict !== 'pass') return s;
      const included = bodyObject(ex)?.included;
      if (!Array.isArray(included)) return fail(`include was answered 200 without an "included" member (${describe(ex)}): silently ignored`);
      const found = included.some((r) => r && typeof r === 'object' && (r as { id?: unknown }).id === relatedId);
      if (!found) return fail('"included" does not contain the related resource');
      // Document validity (links included) is jsonapi.documents.valid's verdict; here: the compound-document rules.
      return fullLinkage(resourceList(ex), included as { type?: unknown; id?: unknown }[]);
    }),
};

export const FETCHING_CHECKS = [sparseFieldsets, sort, sortUnknownField400, filter, include];
