// A certified authorization server, tested like any user's server: oidc-provider (OpenID Certified)
// started on 127.0.0.1, its profile file (test/certified/oidc-provider*.json, no password grant),
// and `crm-conformance run --base-url` as a user would run it. Twice: opaque and JWT access tokens.
// Every fail or error must be a departure listed in expectations.json with the RFC sentence behind
// it (and every listed departure must still happen), and at least 80 % of the checks that apply to
// its grants must have run (not skipped).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_REPORTS_DIR, PROJECT_ROOT } from '../../src/paths.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { cleanEnv, runCli } from '../cli/cli.js';
import { startOidcProvider, type AccessTokenFormat } from './oidc-provider.js';

interface Departure {
  id: string;
  runs: AccessTokenFormat[];
  /** A phrase of the verdict's reason: the departure is this one, not any failure of the check. */
  reason: string;
  kind: string;
  rfc: string;
  provider: string;
}

const HERE = path.join(PROJECT_ROOT, 'test', 'certified');
const EXPECT = JSON.parse(readFileSync(path.join(HERE, 'expectations.json'), 'utf8')) as { minRanShare: number; departures: Departure[] };
const PROFILE: Record<AccessTokenFormat, string> = { opaque: 'oidc-provider.json', jwt: 'oidc-provider-jwt.json' };

/** Lifetimes short enough for the expiry checks, long enough for a code flow on a loaded machine. */
const LIFETIMES = { accessSeconds: 4, refreshSeconds: 8, codeSeconds: 10 };

export interface CertifiedNumbers {
  format: AccessTokenFormat;
  ran: number;
  applicable: number;
  departures: string[];
  unexplained: string[];
  stale: string[];
}

/** ran = judged or errored; applicable = all but the checks that do not apply to the profile (n/a). */
export function numbersOf(format: AccessTokenFormat, report: ConformanceReport, departures: readonly Departure[]): CertifiedNumbers {
  const mine = departures.filter((d) => d.runs.includes(format));
  const ran = report.checks.filter((c) => c.verdict !== 'skip');
  const applicable = report.checks.filter((c) => !(c.verdict === 'skip' && c.notApplicable));
  const listed = (c: ConformanceReport['checks'][number]) => mine.find((d) => d.id === c.id && c.verdict === 'fail' && (c.reason ?? '').includes(d.reason));
  const bad = ran.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
  return {
    format,
    ran: ran.length,
    applicable: applicable.length,
    departures: bad.filter(listed).map((c) => c.id),
    unexplained: bad.filter((c) => !listed(c)).map((c) => `${c.id}: ${c.verdict}: ${c.reason ?? ''}`),
    stale: mine.filter((d) => !bad.some((c) => c.id === d.id && listed(c))).map((d) => d.id),
  };
}

for (const format of ['opaque', 'jwt'] as const) {
  test(`oidc-provider with ${format} access tokens: no unexplained fail or error, at least 80 % of the applicable checks run`, async () => {
    test.setTimeout(600_000);
    const provider = await startOidcProvider({ format, ...LIFETIMES });
    const reports = path.join(DEFAULT_REPORTS_DIR, 'self-test', 'certified', format);
    try {
      const r = await runCli(
        ['run', '--base-url', provider.baseUrl, '--profile', path.join(HERE, PROFILE[format]), '--reports-dir', reports, '--max-wait', '12', '--workers', '2'],
        { env: cleanEnv(provider.env), timeoutMs: 540_000 },
      );
      expect(r.code, `crm-conformance run could not run: ${r.stderr.slice(-2000)}`).not.toBe(2);
      const report = JSON.parse(readFileSync(path.join(reports, 'conformance.json'), 'utf8')) as ConformanceReport;
      const n = numbersOf(format, report, EXPECT.departures);
      const share = n.ran / n.applicable;
      const line = `oidc-provider (${format}): ran ${n.ran} / applicable ${n.applicable} (${Math.round(share * 100)} %), departures ${n.departures.length}${n.departures.length ? ` (${n.departures.join(', ')})` : ''}`;
      process.stdout.write(`${line}\n`);
      test.info().annotations.push({ type: 'certified', description: line });
      mkdirSync(path.dirname(reports), { recursive: true });
      writeFileSync(path.join(path.dirname(reports), `${format}.json`), `${JSON.stringify({ ...n, share }, null, 2)}\n`);
      expect(n.unexplained, 'fail or error verdicts that are no listed departure (test/certified/expectations.json)').toEqual([]);
      expect(n.stale, 'listed departures that did not happen: remove them from test/certified/expectations.json').toEqual([]);
      expect(share, `${n.ran} of ${n.applicable} applicable checks ran`).toBeGreaterThanOrEqual(EXPECT.minRanShare);
    } finally {
      await provider.close();
    }
  });
}
