// ../shared: reference documents of our own workspace and CI (official JSON:API fixtures and
// statement index, SuiteCRM's openapi.json). A user's clone has no such folder: tests that compare
// with it skip with a reason there. CRM_SHARED_DIR points elsewhere (a worktree beside no shared/).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { PROJECT_ROOT } from '../src/paths.js';

export const SHARED_DIR = process.env.CRM_SHARED_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared');

/** The path of a shared reference document; skips the calling test (or file) when it is absent. */
export function sharedFile(rel: string): string {
  const file = path.join(SHARED_DIR, rel);
  test.skip(!existsSync(file), `compares with ../shared/${rel}, which only our workspace and CI have (set CRM_SHARED_DIR to run it elsewhere)`);
  return file;
}

/**
 * Skips the calling test when a part it needs (the SuiteCRM archive, a container engine, Chromium) is
 * missing — except where the run must have it: `.ci/run` sets CRM_REQUIRE_REAL=1, so on our CI a
 * missing part fails the test instead of letting the real-SuiteCRM comparison quietly not run.
 */
export function needs(present: boolean, reason: string): void {
  if (present) return;
  if (process.env.CRM_REQUIRE_REAL === '1') throw new Error(`CRM_REQUIRE_REAL=1 (set by .ci/run), but this test ${reason}`);
  test.skip(true, reason);
}
