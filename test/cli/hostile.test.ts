// Hostile targets (src/target/hostile.ts): whatever the target does, `run` comes back within a
// stated bound with a clear verdict. A target hostile to every request is refused by the preflight
// in one line (exit 2); one hostile to some requests gets a complete, schema-valid, canary-clean
// report in which every failure names its reason. Tiny timeouts keep each case to seconds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ALL_CHECKS } from '../../src/checks/catalog.js';
import { scanForSecrets, texts } from '../../src/redact/scan.js';
import { CANARY_SHAPE } from '../../src/redact/secrets.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { validate } from '../../src/schema/validate.js';
import { HOSTILE } from '../../src/target/hostile.js';
import { cliReports, runCli } from './cli.js';


const HTTP_TIMEOUT_MS = 1500;
const PREFLIGHT_TIMEOUT_MS = 1500;
/** Hang detectors, not performance asserts: a preflight is two requests, a run a few dozen checks. */
const PREFLIGHT_BOUND_MS = 60_000;
const RUN_BOUND_MS = 240_000;
/** A small slice of what hostility hits: resource requests (bearer), token responses (password),
 * an expiry wait. Each failing check costs a Playwright worker restart, so the slice stays small. */
const GREP = '(bearer\\.missing-token-401|oauth2\\.password\\.[a-z-]+|oauth2\\.expiry\\.access-token-expires):';
/** A token-response check that fails, so the echoed secret lands in an attached exchange. */
test.describe.configure({ mode: 'parallel', timeout: RUN_BOUND_MS + 30_000 });
const ECHO_FAULT = 'password-response-cacheable';

/** A failure reason a user can act on: a transport failure named, or an HTTP answer described. */
const CLEAR_REASON = /no response \(.+\)|HTTP \d{3}|expected|could not obtain|not |no-store/;

const TIGHT = ['--workers', '1', '--http-timeout', String(HTTP_TIMEOUT_MS), '--preflight-timeout', String(PREFLIGHT_TIMEOUT_MS), '--max-wait', '4', '--retry-after-max', '2'];

function expectNoCanary(text: string, where: string): void {
  expect(new RegExp(CANARY_SHAPE.source).exec(text)?.[0], `canary in ${where}`).toBeUndefined();
}

/** The token response echoing client_secret made it into a check's evidence file (linked from the HTML report), masked. */
function echoedSecretRedacted(dir: string): boolean {
  const data = path.join(dir, 'html', 'data');
  if (!existsSync(data)) return false;
  return readdirSync(data, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(data, f))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => texts(f, readFileSync(f)))
    .some((t) => /refresh_token[^{}]*client_secret[^{}]*\[REDACTED:client_secret\]/.test(t.text));
}

for (const h of HOSTILE.filter((x) => x.scope === 'all')) {
  test(`hostile ${h.name}: the preflight refuses the target in one line (exit 2) within its bound`, async () => {
    const dir = cliReports(`hostile-${h.name}`);
    const r = await runCli(['run', '--hostile', h.name, ...TIGHT, '--reports-dir', dir], { timeoutMs: PREFLIGHT_BOUND_MS + 10_000 });
    test.info().annotations.push({ type: 'elapsed', description: `${r.ms} ms` });
    expect(r.code, r.stderr).toBe(2);
    expect(r.ms).toBeLessThan(PREFLIGHT_BOUND_MS);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('crm-conformance:'));
    expect(errors, r.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/cannot reach .*no complete answer within 1500 ms|does not speak the .* dialect: POST .* answered HTTP \d{3}/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expectNoCanary(r.stdout + r.stderr, 'console');
  });
}

for (const h of HOSTILE.filter((x) => x.scope === 'some')) {
  test(`hostile ${h.name}: the run ends within its bound with a complete, clean report`, async () => {
    const dir = cliReports(`hostile-${h.name}`);
    const extra = h.name === 'echo-secret' ? ['--fault', ECHO_FAULT] : [];
    const r = await runCli(['run', '--hostile', h.name, ...extra, ...TIGHT, '--grep', GREP, '--reports-dir', dir], { timeoutMs: RUN_BOUND_MS + 10_000 });
    test.info().annotations.push({ type: 'elapsed', description: `${r.ms} ms` });
    // 0 or 1 is a verdict; 2 would mean the run itself broke (the CLI's canary scan also exits 2).
    expect([0, 1], r.stderr.slice(-2000)).toContain(r.code);
    expect(r.ms).toBeLessThan(RUN_BOUND_MS);

    const report = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
    expect(validate('conformance-report', report)).toEqual({ valid: true });
    const grep = new RegExp(GREP);
    const selected = ALL_CHECKS.filter((c) => grep.test(`${c.id}: ${c.title}`)).map((c) => c.id).sort();
    expect(report.checks.map((c) => c.id).sort()).toEqual(selected);
    for (const c of report.checks.filter((x) => x.verdict === 'fail')) expect(c.reason ?? '', c.id).toMatch(CLEAR_REASON);
    if (h.name === 'echo-secret') {
      expect(report.checks.find((c) => c.id === 'oauth2.password.no-store')?.verdict).toBe('fail');
      expect(echoedSecretRedacted(dir), 'the echoed secret is in the attached token response, masked').toBe(true);
    }
    else if (h.name !== 'rate-limited') expect(report.summary.failed).toBeGreaterThan(0);

    expect(scanForSecrets([dir])).toEqual([]);
    expectNoCanary(r.stdout + r.stderr, 'console');
  });
}
