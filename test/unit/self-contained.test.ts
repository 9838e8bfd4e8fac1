// Nothing the product runs reads outside the repository: ../shared exists only in our workspace and
// CI, never in a user's clone or an npm install (test/shared.ts is the tests' only way to it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PROJECT_ROOT } from '../../src/paths.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('src, fixtures, specs, bin and profiles name no path to ../shared', () => {
  const offenders = ['src', 'fixtures', 'specs', 'bin', 'profiles', 'schemas']
    .flatMap((d) => files(path.join(PROJECT_ROOT, d)))
    .concat(path.join(PROJECT_ROOT, 'playwright.config.ts'))
    .filter((f) => /\.\.\/shared|['"]shared['"]/.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(PROJECT_ROOT, f));
  expect(offenders).toEqual([]);
});
