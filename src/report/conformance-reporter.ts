// Playwright reporter → reports/conformance.json (one target) with conformance.sarif, junit.xml
// and html/index.html written from the same verdicts; in the self-test, reports/self-test/faults.json
// (the fault matrix). Verdicts come from the check's own annotation (src/report/verdict.ts); every
// string passes through maskShapes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { runSpecFromEnv } from '../config/run-spec.js';
import { maskShapes } from '../redact/secrets.js';
import type { MatrixEntry } from '../selftest/expect.js';
import { disagreement, proves } from '../selftest/expect.js';
import { applyBaseline } from './baseline.js';
import { toHtml } from './html.js';
import { toJunit } from './junit.js';
import { toSarif } from './sarif.js';
import { specLink } from './spec-links.js';
import { TOOL_VERSION } from '../version.js';
import { mostlyErrors, summarize, type CheckResult, type CheckVerdict, type ConformanceReport, type TargetInfo } from './model.js';
import { annotationsOf, checkResultOf } from './verdict.js';

export interface ProjectMeta {
  target?: TargetInfo;
  /** Self-test, one project per target: the target's entry. */
  selfTest?: MatrixEntry & { profile: string };
  /** Self-test matrix project: every check evaluated against each entry's target (fixtures/check.ts). */
  matrix?: { profile: string; entries: MatrixEntry[] };
}

interface Options {
  outputFile?: string;
  faultsFile?: string;
}

/** One target of the self-test and what its checks showed. */
export interface FaultRow {
  /** The fault's name, or "conformant" / "faithful" for the mode rows. */
  fault: string;
  profile: string;
  /** Checks the entry declares: expected to fail (or stay inconclusive). */
  expectedChecks: string[];
  /** Every check that did not pass or skip, with its verdict and reason. */
  verdicts: Record<string, CheckVerdict>;
  /** Expected checks that failed for the declared reason: the checks this row proves. */
  proven: string[];
  /** Verdicts that disagree with the declarations (each fails the self-test). */
  disagreements: { check: string; why: string }[];
  /** Expected checks that skipped as declared or as not applicable: they prove nothing here. */
  skipped: string[];
}

/** Evidence files of a check, copied under the reports folder (the HTML report links them). */
function saveAttachments(reportsDir: string, id: string, result: TestResult): CheckResult['attachments'] {
  const out: NonNullable<CheckResult['attachments']> = [];
  for (const [i, a] of result.attachments.entries()) {
    const body = a.body ?? (a.path ? readFileSync(a.path) : undefined);
    if (!body) continue;
    const text = a.contentType.startsWith('image/') ? undefined : maskShapes(body.toString('utf8'));
    const name = path.basename(a.name).replace(/[^\w.-]+/g, '_') || `attachment-${i}`;
    const ext = path.extname(name) || (a.contentType === 'image/png' ? '.png' : a.contentType.includes('json') ? '.json' : '.txt');
    const rel = path.posix.join('html', 'data', id, `${path.basename(name, path.extname(name))}${ext}`);
    mkdirSync(path.dirname(path.join(reportsDir, rel)), { recursive: true });
    writeFileSync(path.join(reportsDir, rel), text ?? body);
    out.push({ name: a.name, path: rel, contentType: a.contentType });
  }
  return out.length ? out : undefined;
}

export default class ConformanceReporter implements Reporter {
  private startedAt = new Date();
  private readonly byProject = new Map<string, { meta: ProjectMeta; checks: Map<string, CheckResult> }>();
  /** Matrix projects: project → entry name → check id → verdict. */
  private readonly matrix = new Map<string, Map<string, Map<string, CheckVerdict>>>();

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
    const r = checkResultOf(test, result);
    if (!entry || !r) return;
    // Evidence of a check that did not pass; screenshots (the browser flow's steps) always.
    const evidence = (r.verdict !== 'pass' && r.verdict !== 'skip') || result.attachments.some((a) => a.contentType.startsWith('image/'));
    if (this.options.outputFile && evidence && !entry.meta.matrix && !entry.meta.selfTest) {
      const attachments = saveAttachments(path.dirname(this.options.outputFile), r.id, result);
      if (attachments) r.attachments = attachments;
    }
    entry.checks.set(r.id, r);
    const m = annotationsOf(test, result).find((a) => a.type === 'matrix');
    if (project && m?.description) {
      const byEntry = this.matrix.get(project) ?? new Map<string, Map<string, CheckVerdict>>();
      this.matrix.set(project, byEntry);
      for (const [name, verdict] of Object.entries(JSON.parse(m.description) as Record<string, CheckVerdict>)) {
        const checks = byEntry.get(name) ?? new Map<string, CheckVerdict>();
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
        for (const e of meta.matrix.entries) rows.push(faultRow(e, meta.matrix.profile, byEntry?.get(e.name) ?? new Map()));
      } else if (meta.selfTest) {
        rows.push(faultRow(meta.selfTest, meta.selfTest.profile, new Map(list.map((c) => [c.id, c]))));
      } else if (this.options.outputFile) {
        const plain: ConformanceReport = {
          tool: { name: 'crm-conformance', version: TOOL_VERSION },
          target: meta.target ?? { kind: 'embedded', baseUrl: 'embedded', profile: name },
          startedAt: this.startedAt.toISOString(),
          durationMs,
          summary: summarize(list),
          checks: list,
        };
        const baseline = runSpecFromEnv().baseline;
        writeReports(this.options.outputFile, baseline ? applyBaseline(plain, { entries: baseline }) : plain);
      }
    }
    if (this.options.faultsFile && rows.length) write(this.options.faultsFile, rows);
  }

  printsToStdio(): boolean {
    return false;
  }
}

/** Every report of one run, from one ConformanceReport: JSON, SARIF, JUnit and HTML side by side. */
export function writeReports(conformanceFile: string, report: ConformanceReport): void {
  const dir = path.dirname(conformanceFile);
  write(conformanceFile, report);
  write(path.join(dir, 'conformance.sarif'), toSarif(report));
  writeText(path.join(dir, 'junit.xml'), toJunit(report));
  const banner = mostlyErrors(report);
  writeText(path.join(dir, 'html', 'index.html'), toHtml(report, { specUrl: specLink, ...(banner ? { banner } : {}) }));
}

export function faultRow(entry: MatrixEntry, profile: string, verdicts: ReadonlyMap<string, CheckVerdict>): FaultRow {
  const expected = entry.expect.map((e) => e.id).sort();
  const judged = [...verdicts].sort(([a], [b]) => a.localeCompare(b));
  return {
    fault: entry.faults[0] ?? entry.name,
    profile,
    expectedChecks: expected,
    verdicts: Object.fromEntries(
      judged
        .filter(([, v]) => v.verdict !== 'pass' && v.verdict !== 'skip')
        .map(([id, v]) => [id, { verdict: v.verdict, ...(v.reason ? { reason: maskShapes(v.reason) } : {}) }]),
    ),
    proven: judged.filter(([id, v]) => proves(entry, id, v)).map(([id]) => id),
    disagreements: judged.flatMap(([id, v]) => {
      const why = disagreement(entry, id, v);
      return why ? [{ check: id, why: maskShapes(why) }] : [];
    }),
    skipped: judged.filter(([id, v]) => v.verdict === 'skip' && expected.includes(id)).map(([id]) => id),
  };
}

export function write(file: string, value: unknown): void {
  writeText(file, `${JSON.stringify(value, null, 2)}\n`);
}

function writeText(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
