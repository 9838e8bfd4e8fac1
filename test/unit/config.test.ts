// Config, profiles, flags and .env: every bad input is one ConfigError naming the problem.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parseArgs } from '../../src/cli/args.js';
import { chooseTarget, normaliseBaseUrl } from '../../src/cli/target-choice.js';
import { loadConfigFile } from '../../src/config/config-file.js';
import { parseDotenv } from '../../src/config/dotenv.js';
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

test('.env: quotes, export, comments; a malformed line is named', () => {
  expect(parseDotenv('# c\nexport A=1\nB="two words"\nC=\'x\'\n', '.env')).toEqual({ A: '1', B: 'two words', C: 'x' });
  expect(() => parseDotenv('A=1\nnot a line\n', '.env')).toThrow('.env:2 is not a KEY=value line');
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
  expect(await probeContainerEngine(noEngine)).toEqual({ available: false, detail: 'no Docker or Podman socket found' });
});

test('unknown faults are refused', () => {
  expect(() => checkFaultNames(['password-not-verified'], 'suitecrm-v8')).not.toThrow();
  expect(() => checkFaultNames(['nope'], 'suitecrm-v8')).toThrow(/unknown fault "nope"/);
});
