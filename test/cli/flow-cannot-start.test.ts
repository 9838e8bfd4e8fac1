// A run whose authorization flow cannot start (the profile sends a scope the server refuses, as
// when a standards-compliant server requires one the profile leaves out): every code-flow check
// ends in `error` with the server's refusal and what to fix, none is a failure of the target, and
// the run exits 2 (docs: README "Verdicts and exit codes").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ConformanceReport } from '../../src/report/model.js';
import { cliReports, runCli } from './cli.js';

test('a flow that cannot start is an error with the fix, never a must failure; exit 2', async () => {
  test.setTimeout(300_000);
  const dir = cliReports('flow-cannot-start');
  // SuiteCRM 7.15 answers any scope with invalid_scope ("No scopes are defined.").
  const profile = path.join(mkdtempSync(path.join(os.tmpdir(), 'crm-conformance-')), 'scoped.json');
  writeFileSync(profile, JSON.stringify({ extends: 'suitecrm-7.15', name: 'suitecrm-7.15-scoped', authorize: { scope: 'openid' } }));
  const r = await runCli(['run', '--profile', profile, '--grep', 'oauth2\\.(authorization-code|pkce)\\.', '--reports-dir', dir], { timeoutMs: 240_000 });
  expect(r.code, r.stderr.slice(-2000)).toBe(2);
  const rep = JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
  expect(rep.checks.length).toBeGreaterThan(10);
  expect(rep.checks.filter((c) => c.verdict === 'fail').map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
  for (const c of rep.checks.filter((k) => k.verdict !== 'skip')) {
    expect(c.verdict, c.id).toBe('error');
    expect(c.reason, c.id).toMatch(/error=invalid_scope/);
    expect(c.fix, c.id).toMatch(/authorize\.scope/);
  }
  // One line names the cause when most checks could not gather evidence.
  expect(r.stdout).toMatch(/most checks could not gather evidence \(\d+ of \d+ ended in error; .*invalid_scope.*\): describe the server's authorization request/);
  expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toMatch(/<error type="harness" message="[^"]*invalid_scope/);
});
