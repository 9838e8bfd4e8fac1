// Profiles as data: every shipped one validates, user files extend shipped ones, bad files exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ConfigError } from '../../src/config/errors.js';
import { loadProfile, profilePath, shippedProfileNames } from '../../src/profile/profile.js';
import { knownDialects } from '../../src/target/server.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-profiles-'));
const file = (name: string, value: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};

test('the eight documented CRMs are shipped, each on a dialect the reference target implements', () => {
  const names = shippedProfileNames();
  for (const n of ['suitecrm-7.10.0', 'suitecrm-7.14', 'suitecrm-8', 'suitecrm-hellocloud', 'suitecrm-entrypoint', 'sugarcrm-11', 'flexie', 'generic-oauth2']) {
    expect(names).toContain(n);
    expect(knownDialects()).toContain(loadProfile(n).dialect);
  }
});

test('shipped profiles that extend another inherit and override', () => {
  const p = loadProfile('suitecrm-7.10.0');
  expect(p.extends).toBe('suitecrm-7.14');
  expect(p.token.grants).toEqual(['password', 'refresh_token']);
  expect(p.token.path).toBe('/Api/access_token');
  const s8 = loadProfile('suitecrm-8');
  expect(profilePath(s8, s8.token.path)).toBe('/legacy/Api/access_token');
});

test('a user profile file may extend a shipped one (reverse-proxy prefix, renamed paths)', () => {
  const p = loadProfile(file('proxy.json', { name: 'acme-crm', extends: 'generic-oauth2', basePath: '/crm', token: { path: '/auth/token' }, resource: { probe: '/api/v1/me' } }));
  expect(p.name).toBe('acme-crm');
  expect(p.dialect).toBe('generic-oauth2');
  expect(p.token.encoding).toBe('form');
  expect(profilePath(p, p.token.path)).toBe('/crm/auth/token');
  expect(p.resource.probe).toBe('/api/v1/me');
});

test('a profile file that breaks the schema, an unknown base, or a cycle is a ConfigError', () => {
  expect(() => loadProfile(file('bad.json', { name: 'x', extends: 'suitecrm-7.14', token: { encoding: 'xml' } }))).toThrow(/does not match schemas\/profile.schema.json.*encoding/);
  expect(() => loadProfile(file('nobase.json', { name: 'x', extends: 'suitecrm-6' }))).toThrow(ConfigError);
  expect(() => loadProfile(file('notjson.json', '{'))).toThrow(/not valid JSON/);
  const a = path.join(dir, 'a.json');
  const b = file('b.json', { name: 'b', extends: a });
  file('a.json', { name: 'a', extends: b });
  expect(() => loadProfile(a)).toThrow(/cycle/);
  expect(() => loadProfile('suitecrm-6')).toThrow(/unknown profile "suitecrm-6"; known profiles: .*flexie/);
});
