// JSON:API 1.0 §Sparse Fieldsets, §Sorting, §Filtering, §Inclusion of Related Resources.
import { bodyObject, describe } from '../conditions.js';
import { fail, pass, type CheckDef, type Exchange } from '../types.js';
import { expectStatus, RES, resourceList } from './conditions.js';

export interface FieldsEvidence {
  field: string;
  ex: Exchange;
}

export const sparseFieldsets: CheckDef<FieldsEvidence> = {
  id: 'jsonapi.fetching.sparse-fieldsets',
  title: 'fields[type]=a returns only the asked attributes',
  specRefs: ['JSON:API 1.0 §Sparse Fieldsets'],
  severity: 'must',
  requires: RES,
  evaluate({ field, ex }) {
    const s = expectStatus(ex, [200], `fields[…]=${field}`);
    if (s.verdict !== 'pass') return s;
    const list = resourceList(ex);
    if (!list.length) return fail('the sparse fieldset request returned no resources');
    for (const r of list) {
      const extra = Object.keys(r.attributes ?? {}).filter((k) => k !== field);
      if (extra.length) return fail(`asked for "${field}" only, got ${extra.length} more attribute(s) (e.g. ${extra.slice(0, 3).join(', ')})`);
    }
    return list.some((r) => r.attributes && field in r.attributes) ? pass() : fail(`no resource carries the asked attribute "${field}"`);
  },
};

export interface SortEvidence {
  field: string;
  asc: Exchange;
  desc: Exchange;
}

const valuesOf = (ex: Exchange, field: string) => resourceList(ex).map((r) => String(r.attributes?.[field] ?? ''));
const cmp = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

function firstDisorder(values: string[], dir: 1 | -1): string | undefined {
  for (let i = 1; i < values.length; i++) if (dir * cmp(values[i - 1]!, values[i]!) > 0) return `"${values[i - 1]}" before "${values[i]}"`;
  return undefined;
}

export const sort: CheckDef<SortEvidence> = {
  id: 'jsonapi.fetching.sort',
  title: 'sort=field orders ascending and sort=-field descending',
  specRefs: ['JSON:API 1.0 §Sorting'],
  severity: 'must',
  requires: RES,
  evaluate({ field, asc, desc }) {
    for (const [ex, q] of [[asc, `sort=${field}`], [desc, `sort=-${field}`]] as const) {
      const s = expectStatus(ex, [200], q);
      if (s.verdict !== 'pass') return s;
    }
    const a = firstDisorder(valuesOf(asc, field), 1);
    if (a) return fail(`sort=${field} is not ascending: ${a}`);
    const d = firstDisorder(valuesOf(desc, field), -1);
    if (d) return fail(`sort=-${field} is not descending: ${d}`);
    return pass();
  },
};

export const sortUnknownField400: CheckDef<Exchange> = {
  id: 'jsonapi.fetching.sort-unknown-field-400',
  title: 'sorting by a field the server cannot sort by answers 400',
  specRefs: ['JSON:API 1.0 §Sorting'],
  severity: 'must',
  requires: RES,
  evaluate: (ex) => expectStatus(ex, [400], 'sort by an unknown field'),
};

export interface FilterEvidence {
  field: string;
  value: string;
  all: Exchange;
  filtered: Exchange;
}

export const filter: CheckDef<FilterEvidence> = {
  id: 'jsonapi.fetching.filter',
  title: 'a filter narrows the collection to the matching records',
  specRefs: ['JSON:API 1.0 §Filtering'],
  severity: 'should',
  requires: RES,
  evaluate({ field, value, all, filtered }) {
    const s = expectStatus(filtered, [200], 'filtered list');
    if (s.verdict !== 'pass') return s;
    const list = resourceList(filtered);
    if (!list.length) return fail(`the filter ${field}=${value} matched nothing, though such a record exists`);
    const other = list.find((r) => r.attributes?.[field] !== value);
    if (other) return fail(`the filter ${field}=${value} returned a record whose ${field} is ${JSON.stringify(other.attributes?.[field])}`);
    return list.length < resourceList(all).length || resourceList(all).length <= 1 ? pass() : fail('the filter did not narrow the collection');
  },
};

export interface IncludeEvidence {
  relatedId: string;
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
    if (seen.has(key)) return fail(`included holds ${String(r.type)} ${String(r.id)} more than once`);
    seen.add(key);
  }
  const orphan = included.find((r) => !linked.has(`${r.type}|${r.id}`));
  return orphan ? fail(`included ${String(orphan.type)} ${String(orphan.id)} is not identified by any relationship (full linkage)`) : pass();
}

export const include: CheckDef<IncludeEvidence> = {
  id: 'jsonapi.fetching.include',
  title: 'include returns the related resources in "included", or an explicit 400 where unsupported (never silently nothing)',
  specRefs: ['JSON:API 1.0 §Inclusion of Related Resources'],
  severity: 'must',
  requires: RES,
  evaluate({ relatedId, ex }) {
    if (ex.response?.status === 400) return pass('include is not supported and is refused with 400');
    const s = expectStatus(ex, [200, 400], 'list with include');
    if (s.verdict !== 'pass') return s;
    const included = bodyObject(ex)?.included;
    if (!Array.isArray(included)) return fail(`include was answered 200 without an "included" member (${describe(ex)}): silently ignored`);
    const found = included.some((r) => r && typeof r === 'object' && (r as { id?: unknown }).id === relatedId);
    if (!found) return fail(`"included" does not contain the related resource ${relatedId}`);
    // Document validity (links included) is jsonapi.documents.valid's verdict; here: the compound-document rules.
    return fullLinkage(resourceList(ex), included as { type?: unknown; id?: unknown }[]);
  },
};

export const FETCHING_CHECKS = [sparseFieldsets, sort, sortUnknownField400, filter, include];
