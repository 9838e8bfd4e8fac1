// JSON:API 1.0 §Pagination: page size, links (present, consistent, reachable), walking next.
import { bodyObject, describe } from '../conditions.js';
import { fail, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';
import { expectStatus, ids, RES } from './conditions.js';

export interface PageSizeEvidence {
  size: number;
  /** The collection in one large page (to know how many records there are). */
  all: Exchange;
  page: Exchange;
}

function count(ex: Exchange): number {
  const d = bodyObject(ex)?.data;
  return Array.isArray(d) ? d.length : 0;
}

function metaMentionsCap(ex: Exchange): boolean {
  const meta = bodyObject(ex)?.meta;
  return !!meta && typeof meta === 'object' && /max|limit|cap/i.test(Object.keys(meta).join(' '));
}

export const pageSize: CheckDef<PageSizeEvidence> = {
  id: 'jsonapi.pagination.page-size',
  title: 'page[size] is honoured (or a cap is reported)',
  specRefs: ['JSON:API 1.0 §Pagination'],
  severity: 'must',
  requires: RES,
  evaluate({ size, all, page }) {
    const s = expectStatus(page, [200], `page[size]=${size}`);
    if (s.verdict !== 'pass') return s;
    const want = Math.min(size, count(all));
    const got = count(page);
    if (got === want) return pass();
    if (got < want && metaMentionsCap(page)) return pass(`page size capped at ${got}, reported in meta`);
    return fail(`page[size]=${size} returned ${got} records of ${count(all)} (expected ${want}), and no cap is reported`);
  },
};

export type PageRel = 'first' | 'last' | 'prev' | 'next';

export interface Follow {
  /** Which page's link was followed. */
  from: 'first' | 'last';
  rel: PageRel;
  href: string;
  ex: Exchange;
}

export interface LinksEvidence {
  size: number;
  total: number;
  /** page[size]=N without page[number]. */
  first: Exchange;
  /** The last page (page[number]=ceil(total/size)). */
  last: Exchange;
  follows: Follow[];
}

export function linksOf(ex: Exchange): Partial<Record<PageRel, unknown>> {
  const l = bodyObject(ex)?.links;
  return l && typeof l === 'object' ? (l as Partial<Record<PageRel, unknown>>) : {};
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Walks the expectations over one page's links. */
function pageLinksPresent(ex: Exchange, which: 'first' | 'last', multi: boolean): Outcome {
  const l = linksOf(ex);
  for (const rel of ['first', 'last'] as const) if (typeof l[rel] !== 'string') return fail(`${which} page: links.${rel} is ${JSON.stringify(l[rel] ?? 'missing')}, expected a link`);
  if (!multi) return pass();
  if (which === 'first' && typeof l.next !== 'string') return fail(`first page: links.next is ${JSON.stringify(l.next ?? 'missing')}, expected a link`);
  if (which === 'first' && typeof l.prev === 'string') return fail('first page: links.prev is a link, expected null or absent');
  if (which === 'last' && typeof l.prev !== 'string') return fail(`last page: links.prev is ${JSON.stringify(l.prev ?? 'missing')}, expected a link`);
  if (which === 'last' && typeof l.next === 'string') return fail('last page: links.next is a link, expected null or absent');
  return pass();
}

export const links: CheckDef<LinksEvidence> = {
  id: 'jsonapi.pagination.links',
  title: 'pagination links first/last/prev/next are present, consistent with meta and reachable',
  specRefs: ['JSON:API 1.0 §Pagination'],
  severity: 'must',
  requires: RES,
  evaluate({ size, total, first, last, follows }) {
    for (const [ex, what] of [[first, 'first page'], [last, 'last page']] as const) {
      const s = expectStatus(ex, [200], what);
      if (s.verdict !== 'pass') return s;
    }
    const multi = total > size;
    for (const o of [pageLinksPresent(first, 'first', multi), pageLinksPresent(last, 'last', multi)]) if (o.verdict !== 'pass') return o;
    const pages = Math.max(1, Math.ceil(total / size));
    const tp = (bodyObject(first)?.meta as Record<string, unknown> | undefined)?.['total-pages'];
    if (typeof tp === 'number' && tp !== pages) return fail(`meta total-pages is ${tp}, but ${total} records in pages of ${size} make ${pages}`);
    const expectIds: Record<string, string[]> = {
      'first.next': [], // differs from the first page (checked below)
      'first.last': ids(last),
      'first.first': ids(first),
      'last.first': ids(first),
      'last.last': ids(last),
    };
    for (const f of follows) {
      if (f.ex.response?.status !== 200) return fail(`links.${f.rel} of the ${f.from} page (${f.href}) is not reachable: ${describe(f.ex)}`);
      const key = `${f.from}.${f.rel}`;
      if (key === 'first.next' && same(ids(f.ex), ids(first))) return fail('links.next of the first page leads to the first page again');
      const want = expectIds[key];
      if (want && want.length && !same(ids(f.ex), want)) return fail(`links.${f.rel} of the ${f.from} page leads to other records than the ${f.rel} page`);
    }
    return pass();
  },
};

export interface WalkEvidence {
  /** Ids of the whole collection from one large page (null if the server capped it). */
  expected: string[] | null;
  /** Ids of each page visited by following next, in order. */
  pages: string[][];
  /** Why the walk stopped early (a failed request, the page bound). */
  stopped?: string;
}

export const walk: CheckDef<WalkEvidence> = {
  id: 'jsonapi.pagination.walk',
  title: 'following links.next from the first page visits every record exactly once',
  specRefs: ['JSON:API 1.0 §Pagination'],
  severity: 'must',
  requires: RES,
  evaluate({ expected, pages, stopped }) {
    if (stopped) return fail(`walking links.next stopped: ${stopped}`);
    const seen = new Map<string, number>();
    for (const id of pages.flat()) seen.set(id, (seen.get(id) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    if (twice.length) return fail(`${twice.length} record(s) were visited more than once over ${pages.length} pages (e.g. ${twice[0]})`);
    if (!expected) return pass('the collection could not be fetched in one page; only duplicates were checked');
    const missed = expected.filter((id) => !seen.has(id));
    return missed.length ? fail(`${missed.length} of ${expected.length} records were never reached by following next (${pages.length} pages)`) : pass();
  },
};

export const PAGINATION_CHECKS = [pageSize, links, walk];
