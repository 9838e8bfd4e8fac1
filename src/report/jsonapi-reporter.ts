// Playwright reporter → reports/jsonapi-coverage.json (JSON:API normative statements → checks, with
// this run's verdicts) and reports/openapi-coverage.json (operations of the instance's OpenAPI
// document that no check exercised). Tests name the operations they exercised, and a worker once the
// whole document's, in annotations (fixtures/index.ts, harness teardown): the reporter reads nothing
// from disk, and a failure here is reported without hiding the run's verdicts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { ALL_CHECKS } from '../checks/catalog.js';
import { coverageReport, DOCUMENT_ANNOTATION, OPERATIONS_ANNOTATION } from './jsonapi-coverage.js';
import { checkResultOf } from './verdict.js';

interface Options {
  outputDir: string;
}

export default class JsonApiReporter implements Reporter {
  private readonly exercised = new Map<string, Set<string>>();
  private readonly verdicts = new Map<string, string>();
  /** source → every operation of that document. */
  private readonly documents = new Map<string, string[]>();

  constructor(private readonly options: Options) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const annotations = [...test.annotations, ...(result.annotations ?? [])];
    const check = checkResultOf(test, result);
    const id = check?.id;
    if (check) this.verdicts.set(check.id, check.verdict);
    for (const a of annotations) {
      if (a.type === DOCUMENT_ANNOTATION && a.description) {
        const [source = '', ops = ''] = a.description.split('\n');
        this.documents.set(source, ops.split(',').filter(Boolean));
      }
      if (a.type !== OPERATIONS_ANNOTATION || !a.description) continue;
      for (const op of a.description.split(',')) {
        if (!this.exercised.has(op)) this.exercised.set(op, new Set());
        if (id) this.exercised.get(op)!.add(id);
      }
    }
  }

  onEnd(_result: FullResult): void {
    const coverage = coverageReport(ALL_CHECKS.map((c) => c.id));
    write(path.join(this.options.outputDir, 'jsonapi-coverage.json'), {
      ...coverage,
      statements: coverage.statements.map((s) => ({ ...s, verdicts: Object.fromEntries(s.checks.map((c) => [c, this.verdicts.get(c) ?? 'not run'])) })),
    });
    if (!this.documents.size && !this.exercised.size) return;
    const all = [...new Set([...this.documents.values()].flat())];
    const operations = all.map((o) => ({ operation: o, checks: [...(this.exercised.get(o) ?? [])].sort() }));
    write(path.join(this.options.outputDir, 'openapi-coverage.json'), {
      document: [...this.documents.keys()].join(', ') || 'unknown (no test fetched it)',
      exercised: operations.filter((o) => o.checks.length),
      notExercised: operations.filter((o) => !o.checks.length).map((o) => o.operation),
    });
  }

  printsToStdio(): boolean {
    return false;
  }
}

function write(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
