// Playwright reporter → reports/conformance.json (one target) and, in the self-test,
// reports/self-test/faults.json (the fault matrix). Every string passes through maskShapes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { Severity } from '../checks/types.js';
import { runSpecFromEnv } from '../config/run-spec.js';
import { maskShapes } from '../redact/secrets.js';
import { applyBaseline } from './baseline.js';
import { toSarif } from './sarif.js';
import { TOOL_VERSION } from '../version.js';
import { summarize, type CheckResult, type ConformanceReport, type TargetInfo } from './model.js';

export interface ProjectMeta {
  target?: TargetInfo;
  /** Self-test projects: the fault switched on (absent for conformant/faithful) and the checks expected to fail. */
  selfTest?: SelfTestEntry;
  /** Self-test matrix project: every check evaluated against each entry's target (fixtures/check.ts). */
  matrix?: { profile: string; entries: SelfTestEntry[] };
}

export interface SelfTestEntry {
  name: string;
  fault?: string;
  expected: string[];
}

interface Options {
  outputFile?: string;
  faultsFile?: string;
  /** SARIF 2.1.0 for the failing checks (default: conformance.sarif beside outputFile). */
  sarifFile?: string;
}

export interface FaultRow {
  /** The fault's name, or "conformant" / "faithful" for the mode rows. */
  fault: string;
  profile?: string;
  expectedChecks: string[];
  failedChecks: string[];
  detected: boolean;
  collateral: string[];
  /** Expected checks that were skipped instead of failing (cannot prove the fault). */
  skipped?: string[];
  /** Every expected check was skipped: the fault cannot show on this profile. */
  notApplicable?: boolean;
}

const firstLine = (s: string, max = 600) => {
  const line = s.split('\n').find((l) => l.trim()) ?? s;
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

/** Static annotations and those added while running (skip reasons, notes), each once. */
function annotationsOf(test: TestCase, result: TestResult) {
  const seen = new Set<string>();
  return [...test.annotations, ...(result.annotations ?? [])].filter((a) => {
    const key = `${a.type}\u0000${a.description ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function toCheckResult(test: TestCase, result: TestResult): CheckResult | undefined {
  const ann = annotationsOf(test, result);
  const id = ann.find((a) => a.type === 'check')?.description;
  if (!id) return undefined;
  const verdict = result.status === 'passed' ? 'pass' : result.status === 'skipped' ? 'skip' : 'fail';
  const title = test.title.startsWith(`${id}: `) ? test.title.slice(id.length + 2) : test.title;
  const out: CheckResult = {
    id,
    title,
    area: id.split('.')[0]!,
    specRefs: ann.filter((a) => a.type === 'spec').map((a) => a.description ?? ''),
    severity: (ann.find((a) => a.type === 'severity')?.description ?? 'must') as Severity,
    verdict,
    durationMs: Math.round(result.duration),
  };
  if (verdict === 'fail') {
    const err = result.errors[0];
    const msg = err?.message ?? (result.status === 'timedOut' ? `no verdict within ${test.timeout} ms` : 'failed');
    out.reason = maskShapes(firstLine(msg.replace(/\u001b\[[0-9;]*m/g, '').replace(/^(Check)?Failure: /, '').replace(/^Error: /, '')));
  } else if (verdict === 'skip') {
    out.reason = maskShapes(ann.find((a) => a.type === 'skip')?.description ?? 'skipped');
    if (/^(profile \S+ |not applicable to profile )/.test(out.reason)) out.notApplicable = true;
  }
  const notes = ann.filter((a) => a.type === 'note').map((a) => maskShapes(a.description ?? ''));
  if (notes.length) out.notes = notes;
  return out;
}

export default class ConformanceReporter implements Reporter {
  private startedAt = new Date();
  private readonly byProject = new Map<string, { meta: ProjectMeta; checks: Map<string, CheckResult> }>();
  /** Matrix projects: entry name → check id → verdict. */
  private readonly matrix = new Map<string, Map<string, Map<string, CheckResult['verdict']>>>();

  constructor(private readonly options: Options = {}) {}

  onBegin(_config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    for (const project of suite.suites) {
      const p = project.project();
      if (p) this.byProject.set(p.name, { meta: (p.metadata ?? {}) as ProjectMeta, checks: new Map() });
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name;
    const entry = project ? this.byProject.get(project) : undefined;
    const r = toCheckResult(test, result);
    if (entry && r) entry.checks.set(r.id, r);
    const m = annotationsOf(test, result).find((a) => a.type === 'matrix');
    if (project && r && m?.description) {
      const byEntry = this.matrix.get(project) ?? new Map<string, Map<string, CheckResult['verdict']>>();
      this.matrix.set(project, byEntry);
      for (const [name, verdict] of Object.entries(JSON.parse(m.description) as Record<string, CheckResult['verdict']>)) {
        const checks = byEntry.get(name) ?? new Map<string, CheckResult['verdict']>();
        checks.set(r.id, verdict);
        byEntry.set(name, checks);
      }
    }
  }

  onEnd(_result: FullResult): void {
    const durationMs = Date.now() - this.startedAt.getTime();
    const rows: FaultRow[] = [];
    for (const [name, { meta, checks }] of this.byProject) {
      if (!checks.size) continue;
      const list = [...checks.values()].sort((a, b) => a.id.localeCompare(b.id));
      if (meta.matrix) {
        const byEntry = this.matrix.get(name);
        for (const e of meta.matrix.entries) {
          const verdicts = byEntry?.get(e.name) ?? new Map<string, CheckResult['verdict']>();
          const results = [...verdicts].map(([id, verdict]) => ({ ...list.find((c) => c.id === id)!, verdict }));
          rows.push(faultRow(e, results, meta.matrix.profile));
        }
      } else if (meta.selfTest) rows.push(faultRow(meta.selfTest, list));
      else if (this.options.outputFile) {
        const plain: ConformanceReport = {
          tool: { name: 'crm-conformance', version: TOOL_VERSION },
          target: meta.target ?? { kind: 'embedded', baseUrl: 'embedded', profile: name },
          startedAt: this.startedAt.toISOString(),
          durationMs,
          summary: summarize(list),
          checks: list,
        };
        const baseline = runSpecFromEnv().baseline;
        const report = baseline ? applyBaseline(plain, { entries: baseline }) : plain;
        write(this.options.outputFile, report);
        write(this.options.sarifFile ?? sarifBeside(this.options.outputFile), toSarif(report));
      }
    }
    if (this.options.faultsFile && rows.length) write(this.options.faultsFile, rows);
  }

  printsToStdio(): boolean {
    return false;
  }
}

export function faultRow(st: SelfTestEntry, checks: readonly CheckResult[], profile?: string): FaultRow {
  const failed = checks.filter((c) => c.verdict === 'fail').map((c) => c.id).sort();
  const expected = [...st.expected].sort();
  const skipped = checks.filter((c) => c.verdict === 'skip' && expected.includes(c.id)).map((c) => c.id).sort();
  return {
    fault: st.fault ?? st.name,
    ...(profile ? { profile } : {}),
    expectedChecks: expected,
    failedChecks: failed,
    // Expected checks that were skipped (n/a on this profile) cannot show the fault; the others must.
    detected:
      expected.length === 0
        ? failed.length === 0
        : expected.some((id) => !skipped.includes(id)) && expected.filter((id) => !skipped.includes(id)).every((id) => failed.includes(id)),
    collateral: failed.filter((id) => !expected.includes(id)),
    ...(skipped.length ? { skipped } : {}),
    ...(expected.length > 0 && skipped.length === expected.length ? { notApplicable: true } : {}),
  };
}

export function sarifBeside(conformanceFile: string): string {
  return path.join(path.dirname(conformanceFile), 'conformance.sarif');
}

export function write(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
