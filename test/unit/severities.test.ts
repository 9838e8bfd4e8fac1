// Severities follow the RFC keyword of the cited sentence (docs/severities.md). References are
// defined once, in the check definition; each spec file shows them in one comment that must equal it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ALL_CHECKS } from '../../src/checks/catalog.js';
import { severityOf } from '../../src/checks/types.js';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Checks whose severity knowingly departs from severityOf(keyword), and why (docs/severities.md). */
const DEPARTURES: Record<string, string> = {
  'oauth2.password.not-offered':
    'RFC 9700 §2.4 says the grant MUST NOT be used; the finding is about the deployment offering it (which integrations, and the harness, may rely on): advisory',
};

test('every check names the keyword of its cited sentence', () => {
  expect(ALL_CHECKS.filter((c) => !c.keyword).map((c) => c.id)).toEqual([]);
});

test('severity = severityOf(keyword) for every check that names one, except the documented departures', () => {
  const wrong = ALL_CHECKS
    .filter((c) => !DEPARTURES[c.id])
    .filter((c) => c.severity !== severityOf(c.keyword))
    .map((c) => `${c.id}: ${c.severity}, but ${c.keyword} → ${severityOf(c.keyword)}`);
  expect(wrong).toEqual([]);
  for (const id of Object.keys(DEPARTURES)) expect(ALL_CHECKS.map((c) => c.id), id).toContain(id);
});

test('a profile expectation (keyword "profile") is advisory', () => {
  for (const c of ALL_CHECKS.filter((k) => k.keyword === 'profile')) expect(c.severity, c.id).toBe('advisory');
});

test("every spec file names its check's references in one comment line, equal to the definition's specRefs", () => {
  const wrong: string[] = [];
  for (const c of ALL_CHECKS) {
    const file = path.join(PROJECT_ROOT, 'specs', `${c.id.replace(/\./g, '/')}.spec.ts`);
    const want = `// ${c.specRefs.join(', ')}`;
    const lines = readFileSync(file, 'utf8').split('\n');
    const refs = lines.filter((l) => /^\/\/ (RFC \d|JSON:API|OWASP|Vendor:|OpenAPI)/.test(l));
    if (refs.length !== 1 || refs[0] !== want) wrong.push(`${c.id}: ${JSON.stringify(refs)} ≠ "${want}"`);
  }
  expect(wrong, 'the definition is the source: copy its specRefs into the spec file').toEqual([]);
});

test('every check names an RFC or JSON:API section (OWASP ASVS and vendor documents only beside one)', () => {
  const unanchored = ALL_CHECKS.filter((c) => !c.specRefs.some((r) => /^(RFC \d+ §|JSON:API |OpenAPI )/.test(r))).map((c) => `${c.id}: ${c.specRefs.join(', ')}`);
  expect(unanchored).toEqual([]);
});
