// The console reporter passes on workers' wait notices named by the check that waits (parallel
// workers may wait for the same kind of expiry at once) and nothing else a worker writes.
import { expect, test } from '@playwright/test';
import type { TestCase } from '@playwright/test/reporter';
import ConsoleReporter from '../../src/report/console-reporter.js';
import { WAIT_NOTICE } from '../../src/client/expiry.js';

function captured(run: () => void): string {
  const write = process.stderr.write.bind(process.stderr);
  let out = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    run();
  } finally {
    process.stderr.write = write;
  }
  return out;
}

test('a wait notice is named by its check; other worker output stays out', () => {
  const reporter = new ConsoleReporter();
  const check = { annotations: [{ type: 'check', description: 'oauth2.expiry.access-token-expires' }] } as unknown as TestCase;
  const notice = `${WAIT_NOTICE}waiting for the access token to expire: 12 s left\n`;
  expect(captured(() => reporter.onStdErr(notice, check))).toBe(
    `${WAIT_NOTICE}oauth2.expiry.access-token-expires: waiting for the access token to expire: 12 s left\n`,
  );
  expect(captured(() => reporter.onStdErr(notice))).toBe(notice);
  expect(captured(() => reporter.onStdErr('a stray log line\n', check))).toBe('');
});
