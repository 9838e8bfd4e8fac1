// One line per check on the console: verdict, id, severity, and the reason when not a pass.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { toCheckResult } from './conformance-reporter.js';
import { WAIT_NOTICE } from '../client/expiry.js';

const MARK = { pass: '✓', fail: '✗', skip: '-' } as const;

export default class ConsoleReporter implements Reporter {
  private counts = { pass: 0, fail: 0, skip: 0 };
  private readonly color = !!process.stdout.isTTY && !process.env.NO_COLOR;

  onTestEnd(test: TestCase, result: TestResult): void {
    const r = toCheckResult(test, result);
    if (!r) return;
    this.counts[r.verdict]++;
    const paint = (code: number, s: string) => (this.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const mark = r.verdict === 'pass' ? paint(32, MARK.pass) : r.verdict === 'fail' ? paint(31, MARK.fail) : paint(33, MARK.skip);
    const sev = r.verdict === 'fail' ? ` [${r.severity}]` : '';
    const why = r.reason ? ` — ${r.reason}` : '';
    process.stdout.write(`  ${mark} ${r.id}${sev}${why}\n`);
  }

  onEnd(_result: FullResult): void {
    if (process.env.CRM_CONFORMANCE_CLI) return; // the CLI prints its own summary
    const { pass, fail, skip } = this.counts;
    process.stdout.write(`\n${pass} passed, ${fail} failed, ${skip} skipped\n`);
  }

  /** Workers' wait notices (src/client/expiry.ts): what a check waits for and how long is left. */
  onStdErr(chunk: string | Buffer): void {
    const text = chunk.toString();
    if (text.startsWith(WAIT_NOTICE)) process.stderr.write(text);
  }

  printsToStdio(): boolean {
    return true;
  }
}
