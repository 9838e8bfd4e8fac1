// Baselines: accepted failures (like the OpenID conformance suite's expected-failures files).
// A baselined failure stays a failure in every report but is marked 'accepted' and does not fail
// the run; an entry whose check passes now, fails for another reason than the one it accepted, or
// whose expiry date has passed, is 'stale' (and that failure counts again).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { sameSubstance } from '../compare/substance.js';
import { validate } from '../schema/validate.js';
import { summarize, type BaselineState, type ConformanceReport, type Verdict } from './model.js';

export interface BaselineEntry {
  checkId: string;
  reason: string;
  /** The failure the entry accepts, as the report gave it; a failure that differs in substance is not accepted. */
  failure?: string;
  /** YYYY-MM-DD, inclusive (UTC). */
  expires?: string;
  /** Profile name the entry is limited to. */
  profile?: string;
}

export interface Baseline {
  $schema?: string;
  description?: string;
  entries: BaselineEntry[];
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Reads and validates a baseline file; every problem is one ConfigError line. */
export function loadBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read baseline ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const v = validate('baseline', raw);
  if (!v.valid) throw new ConfigError(`baseline ${file} is invalid (schemas/baseline.schema.json): ${v.errors}`);
  const baseline = raw as Baseline;
  const seen = new Set<string>();
  for (const e of baseline.entries) {
    const key = `${e.checkId}\u0000${e.profile ?? ''}`;
    if (seen.has(key)) throw new ConfigError(`baseline ${file} lists ${e.checkId}${e.profile ? ` for ${e.profile}` : ''} twice`);
    seen.add(key);
  }
  return baseline;
}

/** A report names its profile by name or by the path of a profile file. */
function profileMatches(entryProfile: string | undefined, profile: string): boolean {
  return entryProfile === undefined || entryProfile === profile || entryProfile === path.basename(profile, '.json');
}

export function entryFor(entries: readonly BaselineEntry[] | undefined, checkId: string, profile: string): BaselineEntry | undefined {
  return entries?.find((e) => e.checkId === checkId && profileMatches(e.profile, profile));
}

export interface BaselineJudgement {
  state: BaselineState;
  note: string;
}

/** The one rule, used by the check wrapper (JUnit/HTML annotations) and every report writer.
 * `failure`: the reason the check fails with now. */
export function judge(entry: BaselineEntry | undefined, verdict: Verdict, today: string = todayUtc(), failure?: string): BaselineJudgement | undefined {
  // A check that could not be judged neither uses nor outdates its entry.
  if (!entry || verdict === 'skip' || verdict === 'inconclusive' || verdict === 'error') return undefined;
  if (entry.expires && today > entry.expires) {
    return { state: 'stale', note: `baseline entry expired on ${entry.expires}${verdict === 'fail' ? ', so this failure counts again' : ''}: ${entry.reason}` };
  }
  if (verdict === 'pass') return { state: 'stale', note: `baselined ("${entry.reason}") but passes now: remove the entry` };
  // The entry accepted one failure; another one (a regression inside a failing check) is not accepted.
  if (entry.failure !== undefined && failure !== undefined && !sameSubstance(entry.failure, failure)) {
    return { state: 'stale', note: `baselined for another failure ("${entry.failure}"), fails now with "${failure}", so this failure counts again: ${entry.reason}` };
  }
  return { state: 'accepted', note: `accepted by baseline: ${entry.reason}${entry.expires ? ` (until ${entry.expires})` : ''}` };
}

/** Playwright annotation for a check's test (shows in the HTML report and as a JUnit property). */
export function baselineAnnotation(
  entries: readonly BaselineEntry[] | undefined,
  checkId: string,
  profile: string,
  verdict: Verdict,
  failure?: string,
): { type: 'baseline'; description: string } | undefined {
  const j = judge(entryFor(entries, checkId, profile), verdict, todayUtc(), failure);
  return j && { type: 'baseline', description: `${j.state}: ${j.note}` };
}

/** The report with each named check marked accepted/stale, summary and exit code following. */
export function applyBaseline(report: ConformanceReport, baseline: Baseline, today: string = todayUtc()): ConformanceReport {
  const checks = report.checks.map((c) => {
    const { baseline: _state, baselineNote: _note, ...plain } = c;
    const j = judge(entryFor(baseline.entries, c.id, report.target.profile), c.verdict, today, c.reason);
    return j ? { ...plain, baseline: j.state, baselineNote: j.note } : plain;
  });
  const summary = summarize(checks);
  return {
    ...report,
    summary,
    checks,
    baseline: { entries: baseline.entries.length, accepted: summary.accepted ?? 0, stale: summary.stale ?? 0 },
  };
}

/** A baseline accepting every failure of a report (for `crm-conformance baseline`). */
export function baselineFromReport(report: ConformanceReport, opts: { expires?: string; reason?: string } = {}): Baseline {
  const profile = path.basename(report.target.profile, '.json');
  return {
    $schema: 'https://crm-conformance.dev/schemas/baseline.schema.json',
    description: `failures of ${profile} accepted on ${todayUtc()}`,
    entries: report.checks
      .filter((c) => c.verdict === 'fail')
      .map((c) => ({
        checkId: c.id,
        reason: opts.reason ?? `known departure: ${c.reason ?? 'failed'}`,
        ...(c.reason ? { failure: c.reason } : {}),
        ...(opts.expires ? { expires: opts.expires } : {}),
        profile,
      })),
  };
}
