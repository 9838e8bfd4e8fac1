// One line per check on the console, with a progress counter: [n/N], verdict, id, severity, and the
// reason (and what to fix) when it did not pass.
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import type { Verdict } from './model.js';
import { checkResultOf } from './verdict.js';
import { WAIT_NOTICE } from '../client/expiry.js';

const MARK: Record<Verdict, string> = { pass: '✓', fail: '✗', inconclusive: '?', error: '!', skip: '-' };
const COLOR: Record<Verdict, number> = { pass: 32, fail: 31, inconclusive: 33, error: 35, skip: 90 };

export default class ConsoleReporter implements Reporter {
  private counts: Record<Verdict, number> = { pass: 0, fail: 0, inconclusive: 0, error: 0, skip: 0 };
  private total = 0;
  private done = 0;
  private readonly color = !!process.stdout.isTTY && !process.env.NO_COLOR;

  onBegin(_config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const r = checkResultOf(test, result);
    if (!r) return;
    this.done++;
    this.counts[r.verdict]++;
    const paint = (code: number, s: string) => (this.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const width = String(this.total).length;
    const counter = paint(90, `[${String(this.done).padStart(width)}/${this.total}]`);
    const sev = r.verdict === 'fail' ? ` [${r.severity}]` : r.verdict === 'inconclusive' || r.verdict === 'error' ? ` (${r.verdict})` : '';
    const why = r.reason ? ` — ${r.reason}` : '';
    const fix = r.fix ? ` — fix: ${r.fix}` : '';
    process.stdout.write(`${counter} ${paint(COLOR[r.verdict], MARK[r.verdict])} ${r.id}${sev}${why}${fix}\n`);
  }

  onEnd(_result: FullResult): void {
    if (process.env.CRM_CONFORMANCE_CLI) return; // the CLI prints its own summary
    const c = this.counts;
    process.stdout.write(`\n${c.pass} passed, ${c.fail} failed, ${c.inconclusive} inconclusive, ${c.error} errors, ${c.skip} skipped\n`);
  }

  /** Errors outside a check (a reporter that failed, a broken config): said, never swallowed. */
  onError(error: TestError): void {
    const text = error.message ?? error.value ?? 'unknown error';
    process.stderr.write(`crm-conformance: ${text}${process.env.CRM_CONFORMANCE_DEBUG && error.stack ? `\n${error.stack}` : ''}\n`);
  }

  /**
   * Workers' wait notices (src/client/expiry.ts): what a check waits for and how long is left,
   * named by the check, since parallel workers may each wait for the same kind of expiry.
   */
  onStdErr(chunk: string | Buffer, test?: TestCase): void {
    const text = chunk.toString();
    if (!text.startsWith(WAIT_NOTICE)) return;
    const id = test?.annotations.find((a) => a.type === 'check')?.description;
    process.stderr.write(id ? `${WAIT_NOTICE}${id}: ${text.slice(WAIT_NOTICE.length)}` : text);
  }

  printsToStdio(): boolean {
    return true;
  }
}
