// npm run flake-hunt [N] [-- --match REGEX] [-- playwright args]: runs the self-test's conformance matrix (conformant,
// faithful, every fault alone; test/selftest.config.ts) N times (default 20) and lists every check
// whose verdict changed between runs, per project, plus any change of the fault matrix rows
// (reports/self-test/faults.json). Exit 0 = identical verdicts in every run, 1 = a flake, 2 = a run
// produced no results. Each run's files are kept under reports/flake-hunt/run-<i>/; --compare-only
// compares those again. faults.json is compared in canonical form (sorted lists and rows).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_REPORTS_DIR, PROJECT_ROOT } from '../src/paths.js';
import { shippedProfileNames } from '../src/profile/profile.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
/** --match REGEX: only matrix projects whose name matches (a quick hunt on a slice of the matrix). */
const matchAt = args.indexOf('--match');
const MATCH = matchAt >= 0 ? new RegExp(args.splice(matchAt, 2)[1] ?? '') : undefined;
const countGiven = args.length > 0 && /^\d+$/.test(args[0]!);
const N = countGiven ? Math.max(1, Number(args[0])) : 20;
/** --compare-only: judge the kept runs again (reports/flake-hunt/run-<i>/) without running anything. */
const COMPARE_ONLY = args.includes('--compare-only');
const extra = (countGiven ? args.slice(1) : args).filter((a) => a !== '--compare-only');
const SELF = path.join(DEFAULT_REPORTS_DIR, 'self-test');
const OUT = path.join(DEFAULT_REPORTS_DIR, 'flake-hunt');
const require = createRequire(import.meta.url);

/** The matrix projects of test/selftest.config.ts: one per profile; each target's verdicts land in faults.json. */
export function matrixProjects(profiles = (process.env.CRM_SELFTEST_PROFILES ?? shippedProfileNames().join(',')).split(',')): string[] {
  return profiles.map((p) => `matrix:${p}`);
}

interface JsonSuite {
  title: string;
  specs?: { title: string; tests: { projectName: string; status: string; results: { status: string }[] }[] }[];
  suites?: JsonSuite[];
}

/** project → check title → verdict ("passed", "failed (expected)", "skipped", …). */
export function verdicts(resultsFile: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (s: JsonSuite) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        const last = t.results.at(-1)?.status ?? 'none';
        out.set(`${t.projectName} › ${spec.title.split(':')[0]}`, `${last}${t.status === 'expected' ? '' : ` (${t.status})`}`);
      }
    }
    for (const c of s.suites ?? []) walk(c);
  };
  for (const s of (JSON.parse(readFileSync(resultsFile, 'utf8')) as { suites: JsonSuite[] }).suites) walk(s);
  return out;
}

function runOnce(i: number, projects: string[]): { ms: number; verdicts: Map<string, string>; faults: string } | undefined {
  rmSync(SELF, { recursive: true, force: true });
  const started = performance.now();
  spawnSync(
    process.execPath,
    [require.resolve('@playwright/test/cli'), 'test', '--config', path.join(PROJECT_ROOT, 'test', 'selftest.config.ts'), ...projects.flatMap((p) => ['--project', p]), ...extra],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CRM_CONFORMANCE_SELFTEST: '1', CRM_FLAKE_HUNT: '1' } },
  );
  const ms = performance.now() - started;
  const results = path.join(SELF, 'results.json');
  const faults = path.join(SELF, 'faults.json');
  if (!existsSync(results)) return undefined;
  const dir = path.join(OUT, `run-${i}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(results, path.join(dir, 'results.json'));
  if (existsSync(faults)) copyFileSync(faults, path.join(dir, 'faults.json'));
  return { ms, verdicts: verdicts(results), faults: existsSync(faults) ? readFileSync(faults, 'utf8') : '' };
}

/** faults.json rows in a canonical form: completion order of tests must not read as a flake. */
export function canonicalFaults(text: string): string {
  if (!text) return '';
  const rows = JSON.parse(text) as Record<string, unknown>[];
  const sorted = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v])));
  return JSON.stringify(sorted.sort((a, b) => `${String(a.profile)} ${String(a.fault)}`.localeCompare(`${String(b.profile)} ${String(b.fault)}`)));
}

/** --compare-only: judge the runs kept under reports/flake-hunt/run-<i>/ again, without running. */
function storedRun(i: number): { ms: number; verdicts: Map<string, string>; faults: string } | undefined {
  const dir = path.join(OUT, `run-${i}`);
  if (!existsSync(path.join(dir, 'results.json'))) return undefined;
  const faults = path.join(dir, 'faults.json');
  return { ms: Number.NaN, verdicts: verdicts(path.join(dir, 'results.json')), faults: existsSync(faults) ? readFileSync(faults, 'utf8') : '' };
}

function main(): number {
  const compareOnly = COMPARE_ONLY;
  if (!compareOnly) rmSync(OUT, { recursive: true, force: true });
  const projects = matrixProjects().filter((p) => !MATCH || MATCH.test(p));
  process.stdout.write(`flake-hunt: ${N} run(s) of ${projects.length} matrix projects${extra.length ? ` (${extra.join(' ')})` : ''}\n`);
  const seen = new Map<string, Map<string, number[]>>();
  const faultRuns = new Set<string>();
  const times: number[] = [];
  for (let i = 1; i <= N; i++) {
    const r = compareOnly ? storedRun(i) : runOnce(i, projects);
    if (!r) {
      process.stderr.write(`run ${i}: no results.json (the run itself broke, or was never kept)\n`);
      return 2;
    }
    if (!compareOnly) times.push(r.ms);
    faultRuns.add(canonicalFaults(r.faults));
    for (const [key, v] of r.verdicts) {
      const byVerdict = seen.get(key) ?? new Map<string, number[]>();
      byVerdict.set(v, [...(byVerdict.get(v) ?? []), i]);
      seen.set(key, byVerdict);
    }
    process.stdout.write(`run ${i}/${N}: ${compareOnly ? 'kept' : `${(r.ms / 1000).toFixed(1)} s`}, ${r.verdicts.size} verdicts\n`);
  }
  const flaky = [...seen].filter(([, v]) => v.size > 1);
  const lines = flaky.map(([key, v]) => `  ${key}: ${[...v].map(([verdict, runs]) => `${verdict} in run ${runs.join(',')}`).join('; ')}`);
  const avg = times.length ? times.reduce((a, b) => a + b, 0) / times.length : Number.NaN;
  const summary =
    `${N} run(s), ${seen.size} verdicts each${times.length ? `, mean ${(avg / 1000).toFixed(1)} s per run` : ' (compared again from the kept runs)'}: ` +
    (flaky.length || faultRuns.size > 1 ? `${flaky.length} check verdict(s) changed${faultRuns.size > 1 ? ', faults.json differed between runs' : ''}` : 'identical verdicts in every run');
  process.stdout.write(`\n${lines.join('\n')}${lines.length ? '\n' : ''}${summary}\n`);
  writeFileSync(path.join(OUT, 'summary.txt'), `${summary}\n${lines.join('\n')}\n`);
  return flaky.length || faultRuns.size > 1 ? 1 : 0;
}

process.exit(main());
