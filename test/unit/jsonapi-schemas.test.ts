// The JSON:API schemas agree with every official fixture (valid/invalid by folder name): 100%, no
// skips where ../shared has the fixtures; skipped with the reason where it does not (a user's clone).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sharedFile } from '../shared.js';
import { validateJsonApi, type JsonApiSchema } from '../../src/schema/jsonapi.js';

const FIXTURES_REL = 'reference/jsonapi/_schemas/1.0/tests';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f.endsWith('.json') ? [p] : [];
  });
}

/** The schema a fixture is about, from its folder (request/resource/create → create-resource…). */
function schemaFor(rel: string): JsonApiSchema {
  if (rel.startsWith('request/resource/create/')) return 'create-resource';
  if (rel.startsWith('request/resource/update/')) return 'update-resource';
  if (rel.startsWith('request/relationship/update/')) return 'update-relationship';
  if (rel.startsWith('response/')) return 'document';
  throw new Error(`fixture ${rel} is in no known folder`);
}

function expected(rel: string): boolean {
  const parts = rel.split('/');
  if (parts.includes('valid')) return true;
  if (parts.includes('invalid')) return false;
  throw new Error(`fixture ${rel} is neither under valid/ nor invalid/`);
}

test('the fixture tree is there and not empty', () => {
  const fixtures = sharedFile(FIXTURES_REL);
  expect(walk(fixtures).length).toBeGreaterThan(80);
});

test('every official JSON:API 1.0 fixture gets the verdict its folder names', () => {
  const FIXTURES = sharedFile(FIXTURES_REL);
  const files = walk(FIXTURES).map((p) => path.relative(FIXTURES, p).split(path.sep).join('/')).sort();
  const disagreements: string[] = [];
  for (const rel of files) {
    const doc = JSON.parse(readFileSync(path.join(FIXTURES, rel), 'utf8')) as unknown;
    const r = validateJsonApi(doc, schemaFor(rel));
    if (r.valid !== expected(rel)) disagreements.push(`${rel}: expected ${expected(rel) ? 'valid' : 'invalid'}${r.valid ? '' : ` (${r.errors})`}`);
  }
  expect(disagreements, `${disagreements.length}/${files.length} fixtures disagree`).toEqual([]);
});

test('validation errors name the JSON pointer and the rule, not the body', () => {
  const r = validateJsonApi({ errors: { status: 400, title: null, detail: 'x' } });
  expect(r.valid).toBe(false);
  if (!r.valid) {
    expect(r.errors).toMatch(/^\/errors: type/);
    expect(r.errors).not.toContain('"detail"');
  }
});
