// Config, profiles, flags and .env: every bad input is one ConfigError naming the problem.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parseArgs } from '../../src/cli/args.js';
import { chooseTarget, normaliseBaseUrl } from '../../src/cli/target-choice.js';
import { loadConfigFile } from '../../src/config/config-file.js';
import { dotenvLine, loadDotenv, parseDotenv } from '../../src/config/dotenv.js';
import { credentialsFromEnv } from '../../src/config/credentials.js';
import { HttpClient } from '../../src/client/http.js';
import { OAuthClient } from '../../src/client/oauth.js';
import { SecretRegistry } from '../../src/redact/secrets.js';
import { startReferenceTarget } from '../../src/target/server.js';
import { ConfigError } from '../../src/config/errors.js';
import { probeContainerEngine } from '../../src/container/engine.js';
import { loadProfile, profilePath } from '../../src/profile/profile.js';
import { checkFaultNames } from '../../src/target/faults/index.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
const write = (dir: string, name: string, v: unknown) => {
  const f = path.join(dir, name);
  writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));
  return f;
};

test('unknown profile lists the shipped ones', () => {
  expect(() => loadProfile('nope')).toThrow(/unknown profile "nope"; known profiles: .*suitecrm-7\.14/);
});

test('a user profile extends a shipped one (reverse-proxy prefix) and is validated', () => {
  const d = tmp();
  const f = write(d, 'mine.json', { extends: 'suitecrm-7.14', name: 'acme-suitecrm', basePath: '/crm' });
  const p = loadProfile(f);
  expect(p.name).toBe('acme-suitecrm');
  expect(p.token.grants).toContain('client_credentials');
  expect(profilePath(p, p.token.path)).toBe('/crm/Api/access_token');
  const bad = write(d, 'bad.json', { extends: 'suitecrm-7.14', token: { encoding: 'xml' } });
  expect(() => loadProfile(bad)).toThrow(/does not match schemas\/profile\.schema\.json: \/token\/encoding: enum/);
  const cyc = write(d, 'cyc.json', { extends: path.join(d, 'cyc.json') });
  expect(() => loadProfile(cyc)).toThrow(/extends itself/);
  expect(() => loadProfile(write(d, 'broken.json', '{nope'))).toThrow(/not valid JSON/);
});

test('config file: schema errors carry the JSON pointer', () => {
  const d = tmp();
  expect(loadConfigFile(write(d, 'ok.json', { profile: 'suitecrm-7.14', maxWait: 30 }))).toEqual({ profile: 'suitecrm-7.14', maxWait: 30 });
  expect(() => loadConfigFile(write(d, 'bad.json', { maxWait: -1 }))).toThrow(/\/maxWait: minimum/);
  expect(() => loadConfigFile(write(d, 'sec.json', { clientSecret: 'x' }))).toThrow(/additionalProperties.*clientSecret/);
  expect(() => loadConfigFile(path.join(d, 'missing.json'))).toThrow(/ENOENT/);
});

test('flags: secrets refused, unknown flags named, values typed', () => {
  const spec = { 'max-wait': { type: 'number' as const, help: '' }, fault: { type: 'list' as const, help: '' }, debug: { type: 'boolean' as const, help: '' } };
  expect(parseArgs(['--max-wait=5', '--fault', 'a,b', '--fault', 'c', '--debug'], spec, 'run').flags).toEqual({ 'max-wait': 5, fault: ['a', 'b', 'c'], debug: true });
  expect(() => parseArgs(['--password', 'x'], spec, 'run')).toThrow(ConfigError);
  expect(() => parseArgs(['--client-secret=x'], spec, 'run')).toThrow(/secrets come only from environment/);
  expect(() => parseArgs(['--colour'], spec, 'run')).toThrow(/unknown option --colour/);
  expect(() => parseArgs(['--max-wait', 'soon'], spec, 'run')).toThrow(/non-negative number/);
  expect(() => parseArgs(['--max-wait'], spec, 'run')).toThrow(/needs a value/);
});

test('.env: quotes, export, comments, escapes, multi-line values; a malformed line is named', () => {
  expect(parseDotenv('# c\nexport A=1\nB="two words"\nC=\'x\'\n', '.env')).toEqual({ A: '1', B: 'two words', C: 'x' });
  expect(parseDotenv('K="line 1\nline 2"\nN="a\\nb"\nE=a=b=c\n', '.env')).toEqual({ K: 'line 1\nline 2', N: 'a\nb', E: 'a=b=c' });
  expect(() => parseDotenv('A=1\nnot a line\n', '.env')).toThrow('.env:2 is not a KEY=value line');
  const notices: string[] = [];
  expect(parseDotenv('CRM_PASSWORD=abc #1\nQ="abc #1"\n', '.env', notices)).toEqual({ CRM_PASSWORD: 'abc', Q: 'abc #1' });
  expect(notices).toEqual(['.env:1: CRM_PASSWORD is read up to "#" (the rest is a comment); quote the value to keep a "#" in it']);
});

test('.env: a password with " #", quotes and "=" reaches the target unchanged', async () => {
  const password = `p4ss #1 "quoted" it's=ok`;
  const target = await startReferenceTarget({ profile: loadProfile('suitecrm-7.14'), mode: 'conformant' });
  try {
    target.core.users.get('1')!.password = password;
    const c = target.credentials;
    const vars = { CRM_CLIENT_ID: c.client.id, CRM_CLIENT_SECRET: c.client.secret, CRM_USERNAME: c.username, CRM_PASSWORD: password };
    const file = write(tmp(), '.env', `${Object.entries(vars).map(([k, v]) => dotenvLine(k, v)).join('\n')}\n`);
    expect(readFileSync(file, 'utf8')).toContain('CRM_PASSWORD=`p4ss #1 "quoted" it\'s=ok`');
    const env: NodeJS.ProcessEnv = {};
    loadDotenv(file, env, true);
    expect(env.CRM_PASSWORD).toBe(password);
    const registry = new SecretRegistry();
    const oauth = new OAuthClient(new HttpClient(target.baseUrl), loadProfile('suitecrm-7.14'), credentialsFromEnv(env, registry), registry);
    expect((await oauth.obtain('password')).accessToken).toBeTruthy();
  } finally {
    await target.close();
  }
});

test('base URLs are normalised; junk is refused', () => {
  expect(normaliseBaseUrl('https://crm.example.com/suitecrm/')).toBe('https://crm.example.com/suitecrm');
  expect(() => normaliseBaseUrl('crm.example.com')).toThrow(/not a URL/);
  expect(() => normaliseBaseUrl('ftp://x')).toThrow(/http\(s\)/);
});

test('target resolution: URL first, embedded without an engine, container refused without one', async () => {
  const noEngine = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
  expect((await chooseTarget('auto', 'http://127.0.0.1:1', noEngine)).kind).toBe('url');
  const embedded = await chooseTarget('auto', undefined, noEngine);
  expect(embedded.kind).toBe('embedded');
  expect(embedded.notice).toContain('embedded reference target');
  const started = Date.now();
  await expect(chooseTarget('container', undefined, noEngine)).rejects.toThrow(/start Docker or Podman/);
  expect(Date.now() - started).toBeLessThan(1000);
  expect(await probeContainerEngine(noEngine)).toEqual({ available: false, detail: 'DOCKER_HOST=unix:///nonexistent/docker.sock names no socket' });
});

test('unknown faults are refused', () => {
  expect(() => checkFaultNames(['password-not-verified'], 'suitecrm-v8')).not.toThrow();
  expect(() => checkFaultNames(['nope'], 'suitecrm-v8')).toThrow(/unknown fault "nope"/);
});
