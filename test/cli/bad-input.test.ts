// Bad input gets one clear line and exit 2, fast; never a wall of failures or a hang.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse as parseEnv } from 'dotenv';
import type { ConformanceReport } from '../../src/report/model.js';
import { CANARY_MARKER } from '../../src/redact/secrets.js';
import { cleanEnv, cliReports, credentialsFile, oneLine, runCli, startServe } from './cli.js';

test('unknown profile names the known ones', async () => {
  const r = await runCli(['run', '--profile', 'suitecrm-6']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/unknown profile "suitecrm-6"; known profiles: .*suitecrm-7\.14/);
});

test('a secret on the command line is refused', async () => {
  const r = await runCli(['run', '--client-secret', 'x']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/secrets come only from environment variables/);
});

test('an invalid config file is reported with the schema path', async () => {
  const dir = cliReports('bad-config');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ maxWait: 'soon', colour: true }));
  const r = await runCli(['run', '--config', file]);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/config file .* is invalid: .*\/maxWait: type/);
});

test('an unknown fault is refused', async () => {
  const r = await runCli(['run', '--fault', 'no-such-fault']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toContain('unknown fault "no-such-fault"');
});

test('an unreachable target is reported within 5 s', async () => {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  const r = await runCli(['run', '--base-url', `http://127.0.0.1:${port}`]);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused/);
  // The preflight's own bound is 5 s (unit-tested); here only "no hang", since CI load varies.
  expect(r.ms).toBeLessThan(15_000);
});

test('a URL that does not speak the dialect says what it got instead', async () => {
  const server = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const r = await runCli(['run', '--base-url', `http://127.0.0.1:${(server.address() as AddressInfo).port}`]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/does not speak the suitecrm-7\.14 dialect: POST \/Api\/access_token answered HTTP 404 text\/html \(HTML page\)/);
  } finally {
    server.close();
  }
});

test('a missing credential is named, and wrong credentials are rejected in one line', async () => {
  const creds = credentialsFile();
  const served = await startServe([], creds);
  try {
    const missing = await runCli(['run', '--base-url', served.url]);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toMatch(/missing credentials: set CRM_CLIENT_ID, CRM_CLIENT_SECRET, CRM_USERNAME, CRM_PASSWORD/);

    const wrong = await runCli(['run', '--env-file', creds], { env: cleanEnv({ CRM_PASSWORD: `${CANARY_MARKER}0123456789abcdef-wrong` }) });
    expect(wrong.code).toBe(2);
    expect(oneLine(wrong.stderr)).toMatch(/rejected the user credentials \(CRM_USERNAME \/ CRM_PASSWORD\): HTTP 400/);
    expect(wrong.stderr).not.toContain(CANARY_MARKER);
  } finally {
    await served.stop();
  }
});

test('credentials for one offered grant are enough: checks that need another skip, saying what to set', async () => {
  const creds = credentialsFile();
  const served = await startServe([], creds);
  try {
    // Only the client_credentials client of a profile that also offers the password grant.
    const all = parseEnv(readFileSync(creds, 'utf8'));
    const only = Object.fromEntries(Object.entries(all).filter(([k]) => ['CRM_BASE_URL', 'CRM_PROFILE', 'CRM_CC_CLIENT_ID', 'CRM_CC_CLIENT_SECRET'].includes(k)));
    const reports = cliReports('cc-only');
    const r = await runCli(['run', '--grep', 'oauth2.errors.wrong-secret-rejected|oauth2.errors.wrong-password-rejected', '--reports-dir', reports], { env: cleanEnv(only) });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(reports, 'conformance.json'), 'utf8')) as ConformanceReport;
    const verdict = (id: string) => report.checks.find((c) => c.id === id);
    expect(verdict('oauth2.errors.wrong-secret-rejected')?.verdict).toBe('pass');
    expect(verdict('oauth2.errors.wrong-password-rejected')).toMatchObject({ verdict: 'skip', reason: expect.stringContaining('CRM_CLIENT_ID') });
  } finally {
    await served.stop();
  }
});

test('--target container without an engine exits 2 within a second and says how to proceed', async () => {
  const r = await runCli(['run', '--target', 'container']);
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toMatch(/needs a container engine.*start Docker or Podman.*--base-url.*embedded/);
  // Measured ~0.6 s on an idle 2-core machine (README); here only "no hang".
  expect(r.ms).toBeLessThan(15_000);
});
