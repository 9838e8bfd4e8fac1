// JSON:API 1.0 §Pagination, on a collection of records the check made for itself (marked, isolated
// by a filter on their marker): a page holds what was asked and what the document claims; the links
// that are offered (offering them is a MAY) lead where their names say; following next visits every
// record exactly once. Page sizes lie above common defaults (10–25; SuiteCRM's is 20).
import { bodyObject, describe } from '../conditions.js';
import { all, fail, inconclusive, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';
import { controlled, expectStatus, ids, RES, succeeds } from './conditions.js';

/** What every pagination check made and how it isolated it. */
export interface Collection {
  /** Ids of the records the check made for itself: the whole collection. */
  made: string[];
  /** The filtered list without page parameters: the control that the filter isolates them. */
  control: Exchange;
}

function count(ex: Exchange): number {
  const d = bodyObject(ex)?.data;
  return Array.isArray(d) ? d.length : 0;
}

/** The collection is judged only when the filter on the check's marker answered its own records and
 * nothing else (the control); otherwise the pages could not be told apart from other records. */
function isolated({ made, control }: Collection, judge: () => Outcome): Outcome {
  return controlled([succeeds(`the filtered list of the ${made.length} records made for this check`, control, control.response?.status === 200)], () => {
    const got = ids(control);
    if (got.some((id) => !made.includes(id))) return inconclusive("the filter on this check's marker returned records it did not make: it does not isolate them, so the pages cannot be judged");
    if (!got.length) return inconclusive(`the filter on this check's marker returned none of the ${made.length} records it made, so the pages cannot be judged`);
    return judge();
  });
}

/** Pages must hold only the check's records; another record means the filter did not isolate them. */
function foreignOn(pages: readonly string[][], made: readonly string[]): Outcome | undefined {
  const foreign = pages.flat().find((id) => !made.includes(id));
  return foreign ? inconclusive('a page holds a record this check did not make: the filter did not isolate its records') : undefined;
}

const metaOf = (ex: Exchange) => (bodyObject(ex)?.meta ?? {}) as Record<string, unknown>;

function metaMentionsCap(ex: Exchange): boolean {
  return /max|limit|cap/i.test(Object.keys(metaOf(ex)).join(' '));
}

/** What meta claims about a page (the names SuiteCRM and common servers use), against what came back. */
function claims(ex: Exchange, total: number, size: number): Outcome {
  const m = metaOf(ex);
  const on = m['records-on-this-page'];
  if (typeof on === 'number' && on !== count(ex)) return fail(`meta records-on-this-page claims ${on}, the page holds ${count(ex)}`);
  const tr = m['total-records'] ?? m.total;
  if (typeof tr === 'number' && tr !== total) return fail(`meta claims ${tr} records in all, the collection holds ${total}`);
  const tp = m['total-pages'];
  const pages = Math.max(1, Math.ceil(total / size));
  if (typeof tp === 'number' && tp !== pages) return fail(`meta total-pages claims ${tp}, but ${total} records in pages of ${size} make ${pages}`);
  return pass();
}

export interface PageSizeEvidence extends Collection {
  /** Pages asked for: one larger than the collection (all of it must come), one smaller. */
  asked: { size: number; page: Exchange }[];
}

/** One page of `size` from a collection of `total`: what came back against what was asked and claimed. */
function pageHolds(page: Exchange, size: number, made: readonly string[]): Outcome {
  const s = expectStatus(page, [200], `page[size]=${size}`);
  if (s.verdict !== 'pass') return s;
  const foreign = foreignOn([ids(page)], made);
  if (foreign) return foreign;
  const want = Math.min(size, made.length);
  const got = count(page);
  if (got > size) return fail(`page[size]=${size} returned ${got} records`);
  if (got < want) {
    if (!metaMentionsCap(page)) return fail(`page[size]=${size} returned ${got} of the ${made.length} records (expected ${want}), and no cap is reported`);
    return claims(page, made.length, got);
  }
  return claims(page, made.length, size);
}

export const pageSize: CheckDef<PageSizeEvidence> = {
  id: 'jsonapi.pagination.page-size',
  title: 'page[size] is honoured (or a cap is reported), and what meta claims about the page holds',
  specRefs: ['JSON:API 1.0 §Pagination'],
  // JSON:API 1.0 leaves the pagination strategy to the server; page[size] is the profile's.
  severity: 'advisory',
  keyword: 'profile',
  requires: RES,
  evaluate: (e) => isolated(e, () => all(...e.asked.map(({ size, page }) => pageHolds(page, size, e.made)))),
};

export type PageRel = 'first' | 'last' | 'prev' | 'next';

export interface Follow {
  /** Which page's link was followed. */
  from: 'first' | 'last';
  rel: PageRel;
  href: string;
  ex: Exchange;
}

export interface LinksEvidence extends Collection {
  size: number;
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

/** A link member as a reason shows it: its JSON, or "missing". */
const shownLink = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));

/** The links a first or last page of a collection of several pages offers. */
function pageLinksPresent(ex: Exchange, which: 'first' | 'last'): Outcome {
  const l = linksOf(ex);
  for (const rel of ['first', 'last'] as const) if (typeof l[rel] !== 'string') return fail(`${which} page: links.${rel} is ${shownLink(l[rel])}, expected a link`);
  const [there, gone] = which === 'first' ? (['next', 'prev'] as const) : (['prev', 'next'] as const);
  if (typeof l[there] !== 'string') return fail(`${which} page: links.${there} is ${shownLink(l[there])}, expected a link`);
  if (typeof l[gone] === 'string') return fail(`${which} page: links.${gone} is a link, expected null or absent`);
  return pass();
}

/** Both pages answered 200, and hold only the check's own records (else inconclusive: not isolated). */
function pagesOk(e: LinksEvidence): Outcome {
  for (const [ex, what] of [[e.first, 'first page'], [e.last, 'last page']] as const) {
    const s = expectStatus(ex, [200], what);
    if (s.verdict !== 'pass') return s;
  }
  return foreignOn([ids(e.first), ids(e.last)], e.made) ?? pass();
}

export const links: CheckDef<LinksEvidence> = {
  id: 'jsonapi.pagination.links',
  title: 'pagination links first/last/prev/next are offered on the first and last page of a collection of several pages',
  specRefs: ['JSON:API 1.0 §Pagination'],
  // "A server MAY provide links to traverse a paginated data set."
  severity: 'advisory',
  keyword: 'MAY',
  requires: RES,
  evaluate: (e) =>
    isolated(e, () => {
      const s = pagesOk(e);
      if (s.verdict !== 'pass') return s;
      const first = pageLinksPresent(e.first, 'first');
      return first.verdict !== 'pass' ? first : pageLinksPresent(e.last, 'last');
    }),
};

export const linksConsistent: CheckDef<LinksEvidence> = {
  id: 'jsonapi.pagination.links-consistent',
  title: 'every pagination link offered is reachable and leads to the page its name says, consistent with meta',
  specRefs: ['JSON:API 1.0 §Pagination'],
  severity: 'must',
  keyword: 'MUST',
  requires: RES,
  evaluate: (e) =>
    isolated(e, () => {
      const s = pagesOk(e);
      if (s.verdict !== 'pass') return s;
      const c = claims(e.first, e.made.length, e.size);
      if (c.verdict !== 'pass') return c;
      if (!e.follows.length) return inconclusive('neither the first nor the last page offers a pagination link (they are optional), so none could be followed');
      const firstIds = ids(e.first);
      const lastIds = ids(e.last);
      const expectIds: Record<string, string[]> = { 'first.last': lastIds, 'first.first': firstIds, 'last.first': firstIds, 'last.last': lastIds };
      for (const f of e.follows) {
        if (f.ex.response?.status !== 200) return fail(`links.${f.rel} of the ${f.from} page is not reachable: ${describe(f.ex)}`);
        const key = `${f.from}.${f.rel}`;
        const got = ids(f.ex);
        if (key === 'first.next' && (same(got, firstIds) || !got.length)) return fail(`links.next of the first page leads to ${got.length ? 'the first page again' : 'an empty page'}`);
        if (key === 'last.prev' && (same(got, lastIds) || !got.length)) return fail(`links.prev of the last page leads to ${got.length ? 'the last page again' : 'an empty page'}`);
        const want = expectIds[key];
        if (want && !same(got, want)) return fail(`links.${f.rel} of the ${f.from} page leads to other records than the ${f.rel} page`);
      }
      return pass();
    }),
};

export interface WalkEvidence extends Collection {
  size: number;
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
  keyword: 'MUST',
  requires: RES,
  evaluate: (e) =>
    isolated(e, () => {
      const { made, pages, stopped } = e;
      if (stopped) return fail(`walking links.next stopped: ${stopped}`);
      const foreign = foreignOn(pages, made);
      if (foreign) return foreign;
      if (pages.length === 1) {
        return inconclusive(
          pages[0]!.length >= made.length
            ? `the first page held all ${made.length} records, so there was no next page to walk`
            : `the first page holds ${pages[0]!.length} of ${made.length} records and offers no links.next (pagination links are optional), so there is nothing to walk`,
        );
      }
      const seen = new Map<string, number>();
      for (const id of pages.flat()) seen.set(id, (seen.get(id) ?? 0) + 1);
      const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      if (twice.length) return fail(`${twice.length} record(s) were visited more than once over ${pages.length} pages`);
      const missed = made.filter((id) => !seen.has(id));
      return missed.length ? fail(`${missed.length} of ${made.length} records were never reached by following next (${pages.length} pages)`) : pass();
    }),
};

export const PAGINATION_CHECKS = [pageSize, links, linksConsistent, walk];
