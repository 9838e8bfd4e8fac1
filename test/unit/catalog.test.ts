// Ties checks, spec files and faults together: every check has its spec file (id = path), every
// fault names real checks, every check is broken by at least one fault.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ALL_CHECKS } from '../../src/checks/catalog.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { shippedProfileNames, loadProfile } from '../../src/profile/profile.js';
import { ALL_FAULTS, brokenIds, expectationsOf, faultDef } from '../../src/target/faults/index.js';

function specIds(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return specIds(p, `${prefix}${f}.`);
    return f.endsWith('.spec.ts') ? [`${prefix}${f.slice(0, -'.spec.ts'.length)}`] : [];
  });
}

const ids = ALL_CHECKS.map((c) => c.id);

test('check ids are unique', () => {
  expect(new Set(ids).size).toBe(ids.length);
});

test('every check has its spec file at the path its id names, and every spec file is a check', () => {
  const specs = specIds(path.join(PROJECT_ROOT, 'specs'));
  expect([...specs].sort()).toEqual([...ids].sort());
});

test('every check names at least one spec reference in a known form', () => {
  for (const c of ALL_CHECKS) {
    expect(c.specRefs.length, c.id).toBeGreaterThan(0);
    for (const r of c.specRefs) expect(r, c.id).toMatch(/^(RFC \d{4} §[\d.]+|JSON:API 1\.[01] .+|OpenAPI .+|OWASP ASVS .+|OpenID .+|Vendor: .+)$/);
  }
});

test('every fault breaks only checks that exist', () => {
  for (const f of ALL_FAULTS) for (const id of expectationsOf(f).map((e) => e.id)) expect(ids, `${f.name} → ${id}`).toContain(id);
});

test('every check is broken by at least one fault', () => {
  const broken = new Set(ALL_FAULTS.flatMap(brokenIds));
  expect(ids.filter((id) => !broken.has(id))).toEqual([]);
});

test('every shipped profile validates and its faithful faults exist', () => {
  for (const name of shippedProfileNames()) {
    const p = loadProfile(name);
    for (const f of p.faithful?.faults ?? []) expect(faultDef(f), `${name}: ${f}`).toBeDefined();
    for (const e of p.checks?.exclude ?? []) expect(ids, `${name} excludes ${e.id}`).toContain(e.id);
  }
});

test('faithful faults say where the departure was observed', () => {
  for (const name of shippedProfileNames()) {
    for (const f of loadProfile(name).faithful?.faults ?? []) expect(faultDef(f)?.observed, f).toBeTruthy();
  }
  expect(existsSync(path.join(PROJECT_ROOT, 'profiles'))).toBe(true);
});
