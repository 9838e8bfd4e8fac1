// Playwright reporter → reports/jsonapi-coverage.json (JSON:API normative statements → checks, with
// this run's verdicts) and reports/openapi-coverage.json (operations of the vendor's OpenAPI document
// that no check exercised). Tests name the operations they exercised in an `openapi-operations`
// annotation (fixtures/index.ts, harness teardown).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { ALL_CHECKS } from '../checks/catalog.js';
import { loadProfile } from '../profile/profile.js';
import { openApiFor } from '../openapi/document.js';
import { runSpecFromEnv } from '../config/run-spec.js';
import { loadCoverageReport } from './jsonapi-coverage.js';
import { checkResultOf } from './verdict.js';

export const OPERATIONS_ANNOTATION = 'openapi-operations';

interface Options {
  outputDir: string;
}

export default class JsonApiReporter implements Reporter {
  private readonly exercised = new Map<string, Set<string>>();
  private readonly verdicts = new Map<string, string>();

  constructor(private readonly options: Options) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    const annotations = [...test.annotations, ...(result.annotations ?? [])];
    const check = checkResultOf(test, result);
    const id = check?.id;
    if (check) this.verdicts.set(check.id, check.verdict);
    for (const a of annotations) {
      if (a.type !== OPERATIONS_ANNOTATION || !a.description) continue;
      for (const op of a.description.split(',')) {
        if (!this.exercised.has(op)) this.exercised.set(op, new Set());
        if (id) this.exercised.get(op)!.add(id);
      }
    }
  }

  onEnd(_result: FullResult): void {
    const coverage = loadCoverageReport(ALL_CHECKS.map((c) => c.id));
    write(path.join(this.options.outputDir, 'jsonapi-coverage.json'), {
      ...coverage,
      statements: coverage.statements.map((s) => ({ ...s, verdicts: Object.fromEntries(s.checks.map((c) => [c, this.verdicts.get(c) ?? 'not run'])) })),
    });
    const profile = loadProfile(runSpecFromEnv().profile);
    const doc = profile.resource.jsonapi?.openapi;
    if (!doc) return;
    const api = openApiFor(doc, profile.resource.basePath ?? '/Api/V8');
    const operations = api.operations.map((o) => ({ operation: o.key, checks: [...(this.exercised.get(o.key) ?? [])].sort() }));
    write(path.join(this.options.outputDir, 'openapi-coverage.json'), {
      document: doc,
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
