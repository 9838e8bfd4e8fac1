// Real SuiteCRM against faithful mode, verdict by verdict. Verdicts are compared as strings, so
// every kind the report model has or gains (pass, fail, skip, inconclusive, error) is a verdict of
// its own; a check only one report has counts as a difference too.
import { readFileSync } from 'node:fs';

export interface KnownDifference {
  check: string;
  /** The verdicts this entry explains: any other pair is a new difference. */
  real: string;
  faithful: string;
  reason: string;
  /** The deployment setting or the fact the difference rests on. */
  restsOn: string;
}

export interface VerdictRow {
  id: string;
  verdict: string;
  reason?: string;
  /** A skip because the profile lacks the feature (not the set-up's doing). */
  notApplicable?: boolean;
}

export interface Difference {
  check: string;
  real: string;
  faithful: string;
  realReason?: string;
  faithfulReason?: string;
}

export interface VerdictDiff {
  /** Differences no entry explains: each fails the self-test. */
  unexplained: Difference[];
  /** Differences an entry explains. */
  explained: Array<Difference & { entry: KnownDifference }>;
  /** Entries that no longer match a difference: the file must lose them. */
  stale: KnownDifference[];
}

const ABSENT = '(absent)';

export function diffVerdicts(real: readonly VerdictRow[], faithful: readonly VerdictRow[], known: readonly KnownDifference[]): VerdictDiff {
  const r = new Map(real.map((c) => [c.id, c]));
  const f = new Map(faithful.map((c) => [c.id, c]));
  const out: VerdictDiff = { unexplained: [], explained: [], stale: [] };
  const used = new Set<KnownDifference>();
  for (const id of [...new Set([...r.keys(), ...f.keys()])].sort()) {
    const a = r.get(id);
    const b = f.get(id);
    const d: Difference = {
      check: id,
      real: a?.verdict ?? ABSENT,
      faithful: b?.verdict ?? ABSENT,
      ...(a?.reason ? { realReason: a.reason } : {}),
      ...(b?.reason ? { faithfulReason: b.reason } : {}),
    };
    if (d.real === d.faithful) continue;
    const entry = known.find((k) => k.check === id && k.real === d.real && k.faithful === d.faithful);
    if (entry) {
      used.add(entry);
      out.explained.push({ ...d, entry });
    } else out.unexplained.push(d);
  }
  out.stale = known.filter((k) => !used.has(k));
  return out;
}

export function loadKnownDifferences(file: string): KnownDifference[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { differences?: unknown };
  if (!Array.isArray(data.differences)) throw new Error(`${file}: expected {"differences": [...]}`);
  return data.differences.map((e, i) => {
    const k = e as Partial<KnownDifference>;
    for (const field of ['check', 'real', 'faithful', 'reason', 'restsOn'] as const) {
      if (typeof k[field] !== 'string' || !k[field]) throw new Error(`${file}: differences[${i}] needs a non-empty "${field}"`);
    }
    return k as KnownDifference;
  });
}

/** "147 checks, 107 ran (61 pass, 46 fail), 40 not applicable": verdicts in the order they first appear. */
export function verdictCounts(rows: readonly VerdictRow[]): string {
  const ran = rows.filter((c) => !c.notApplicable);
  const n = new Map<string, number>();
  for (const c of ran) n.set(c.verdict, (n.get(c.verdict) ?? 0) + 1);
  return `${rows.length} checks, ${ran.length} ran (${[...n].map(([v, k]) => `${k} ${v}`).join(', ')}), ${rows.length - ran.length} not applicable to the profile`;
}

export function describeDifference(d: Difference): string {
  const why = (s?: string) => (s ? ` (${s.length > 160 ? `${s.slice(0, 160)}…` : s})` : '');
  return `${d.check}: real SuiteCRM ${d.real}${why(d.realReason)}, faithful mode ${d.faithful}${why(d.faithfulReason)}`;
}
