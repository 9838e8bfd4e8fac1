// Merging the conformance.json parts of a sharded run (run --shard i/n) into the one report an
// unsharded run would have written: same target, every check once, summary recomputed.
import { ConfigError } from '../config/errors.js';
import { summarize, type ConformanceReport } from './model.js';

export interface ReportPart {
  file: string;
  report: ConformanceReport;
}

export function mergeReports(parts: readonly ReportPart[]): ConformanceReport {
  const [first, ...rest] = parts;
  if (!first) throw new ConfigError('nothing to merge: no conformance.json found');
  const target = JSON.stringify(first.report.target);
  const owner = new Map<string, string>();
  for (const p of parts) {
    if (JSON.stringify(p.report.target) !== target) {
      throw new ConfigError(`${p.file} is a run of another target (${p.report.target.profile} ${p.report.target.mode ?? p.report.target.kind}) than ${first.file}: merge the shards of one run at a time`);
    }
    for (const c of p.report.checks) {
      const seen = owner.get(c.id);
      if (seen) throw new ConfigError(`${c.id} is in both ${seen} and ${p.file}: the parts overlap (same shard twice?)`);
      owner.set(c.id, p.file);
    }
  }
  const checks = parts.flatMap((p) => p.report.checks).sort((a, b) => a.id.localeCompare(b.id));
  const starts = parts.map((p) => Date.parse(p.report.startedAt));
  const ends = parts.map((p, i) => starts[i]! + p.report.durationMs);
  const summary = summarize(checks);
  const baselined = parts.find((p) => p.report.baseline)?.report.baseline;
  return {
    tool: first.report.tool,
    target: first.report.target,
    startedAt: new Date(Math.min(...starts)).toISOString(),
    durationMs: Math.max(...ends) - Math.min(...starts),
    summary,
    checks,
    ...(baselined || rest.some((p) => p.report.baseline) ? { baseline: { entries: baselined?.entries ?? 0, accepted: summary.accepted ?? 0, stale: summary.stale ?? 0 } } : {}),
  };
}
