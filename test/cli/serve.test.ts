// `serve` + `run --base-url`: the embedded target tested like any foreign instance.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadProfile } from '../../src/profile/profile.js';
import type { ConformanceReport } from '../../src/report/model.js';
import { brokenIds, faultDef } from '../../src/target/faults/index.js';
import { profileFindings } from '../../src/target/faults/dialects.js';
import { cliReports, credentialsFile, runCli, startServe } from './cli.js';

test('`serve --mode faithful` tested with `run --base-url` fails exactly the declared departures', async () => {
  // ~40 failing checks, and Playwright starts a new worker after each failure: allow minutes.
  test.setTimeout(600_000);
  const dir = cliReports('serve-faithful');
  const creds = credentialsFile();
  const served = await startServe(['--mode', 'faithful', '--access-ttl', '2', '--refresh-ttl', '4'], creds);
  try {
    expect(statSync(creds).mode & 0o777).toBe(0o600);
    const r = await runCli(['run', '--env-file', creds, '--reports-dir', dir, '--max-wait', '10'], { timeoutMs: 540_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`target: ${served.url}`);
    const rep = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
    expect(rep.target.kind).toBe('url');
    expect(rep.checks.filter((c) => c.verdict === 'skip' && !c.notApplicable).map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
    const profile = loadProfile('suitecrm-7.14');
    const declared = [...new Set([...profile.faithful!.faults.flatMap((f) => brokenIds(faultDef(f)!)), ...profileFindings(profile).map((f) => f.id)])].sort();
    expect(rep.checks.filter((c) => c.verdict === 'fail').map((c) => c.id).sort()).toEqual(declared);
  } finally {
    await served.stop();
  }
});

test('a code that expires before any browser can redeem it leaves the browser flow inconclusive after three attempts (Flexie: login and approval on one page)', async () => {
  test.setTimeout(180_000);
  const dir = cliReports('serve-code-expires');
  const creds = credentialsFile();
  const served = await startServe(['--profile', 'flexie', '--code-ttl', '0'], creds);
  try {
    const r = await runCli(['run', '--env-file', creds, '--reports-dir', dir, '--grep', 'oauth2.authorization-code.browser-flow'], { timeoutMs: 150_000 });
    const rep = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
    const flow = rep.checks.find((c) => c.id === 'oauth2.authorization-code.browser-flow');
    expect({ verdict: flow?.verdict, code: r.code }, r.stderr).toMatchObject({ verdict: 'inconclusive' });
    expect(flow?.reason).toMatch(/s from the browser's last step to redemption, codes live 0 s \(3 attempts/);
  } finally {
    await served.stop();
  }
});
