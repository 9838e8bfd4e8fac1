// Reading a check's result off a Playwright test: metadata from the static annotations, the verdict
// from the one annotation the check wrote (fixtures/check.ts). A test without it produced no
// verdict (a timeout, a worker fixture that could not start the target): that is an `error`, with
// Playwright's own message as the reason.
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { Keyword, Severity } from '../checks/types.js';
import { maskShapes } from '../redact/secrets.js';
import { VERDICT_ANNOTATION, type CheckResult, type CheckVerdict } from './model.js';

type Annotation = { type: string; description?: string };

/** Static annotations and those added while running, each once. */
export function annotationsOf(test: TestCase, result: TestResult): Annotation[] {
  const seen = new Set<string>();
  return [...test.annotations, ...(result.annotations ?? [])].filter((a) => {
    const key = `${a.type}\u0000${a.description ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const firstLine = (s: string, max = 600) => {
  const line = s.split('\n').find((l) => l.trim()) ?? s;
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

function noVerdict(test: TestCase, result: TestResult, ann: Annotation[]): CheckVerdict {
  if (result.status === 'skipped') return { verdict: 'skip', reason: maskShapes(ann.find((a) => a.type === 'skip')?.description ?? 'skipped') };
  const err = result.errors[0]?.message?.replace(/\u001b\[[0-9;]*m/g, '');
  const reason =
    result.status === 'timedOut'
      ? `no verdict within ${test.timeout} ms`
      : `the harness could not run this check: ${maskShapes(firstLine(err ?? result.status))}`;
  return {
    verdict: 'error',
    reason,
    fix:
      result.status === 'timedOut'
        ? 'the target answered too slowly or a wait exceeded its budget: see --http-timeout and --max-wait'
        : 'see the first error of the run (rerun with --debug); a target that could not start fails every check this way',
  };
}

/** The CheckResult of a check's test, or undefined for a test that is not a check. */
export function checkResultOf(test: TestCase, result: TestResult): CheckResult | undefined {
  const ann = annotationsOf(test, result);
  const id = ann.find((a) => a.type === 'check')?.description;
  if (!id) return undefined;
  const carried = ann.findLast((a) => a.type === VERDICT_ANNOTATION)?.description;
  const verdict: CheckVerdict = carried ? (JSON.parse(carried) as CheckVerdict) : noVerdict(test, result, ann);
  const keyword = ann.find((a) => a.type === 'keyword')?.description as Keyword | undefined;
  const out: CheckResult = {
    id,
    title: test.title.startsWith(`${id}: `) ? test.title.slice(id.length + 2) : test.title,
    area: id.split('.')[0]!,
    specRefs: ann.filter((a) => a.type === 'spec').map((a) => a.description ?? ''),
    severity: (ann.find((a) => a.type === 'severity')?.description ?? 'must') as Severity,
    ...(keyword ? { keyword } : {}),
    // Already masked by the registry where they were made; the shapes are the safety net.
    verdict: verdict.verdict,
    ...(verdict.reason !== undefined ? { reason: maskShapes(verdict.reason) } : {}),
    ...(verdict.fix !== undefined ? { fix: maskShapes(verdict.fix) } : {}),
    ...(verdict.notApplicable ? { notApplicable: true } : {}),
    ...(verdict.notes?.length ? { notes: verdict.notes.map(maskShapes) } : {}),
    durationMs: Math.round(result.duration),
  };
  return out;
}
