// Shared by the upgrade-gate CLI tests: the scope of their runs and how to read their outputs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { loadProfile } from '../../src/profile/profile.js';
import type { ConformanceReport, Verdict } from '../../src/report/model.js';
import { brokenIds, faultDef } from '../../src/target/faults/index.js';
import { runCli, type CliResult } from './cli.js';

/** The gate tests run the bearer and token-error checks only: each suite run costs minutes on a
 * loaded machine, and these areas hold most of SuiteCRM's departures (the expiry checks also wait
 * on the clock, with a 250 ms margin a loaded machine does not always meet). */
export const SCOPE = ['--grep', String.raw`(bearer|oauth2\.errors)\.`];
export const inScope = (id: string) => id.startsWith('bearer.') || id.startsWith('oauth2.errors.');

export const FAITHFUL_FAULTS = loadProfile('suitecrm-7.14').faithful!.faults;

/** The checks SuiteCRM 7.14's observed departures break, within SCOPE. */
export function departures(faults: readonly string[] = FAITHFUL_FAULTS): string[] {
  return [...new Set(faults.flatMap((f) => brokenIds(faultDef(f)!)))].filter(inScope).sort();
}

export function readReport(dir: string): ConformanceReport {
  return JSON.parse(readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
}

export function verdicts(r: ConformanceReport): Record<string, Verdict> {
  return Object.fromEntries(r.checks.map((c) => [c.id, c.verdict]));
}

/** A CLI run of the suite (minutes under load: a long leash). */
export async function runSuite(dir: string, ...args: string[]): Promise<CliResult> {
  const r = await runCli(['run', '--reports-dir', dir, ...SCOPE, ...args], { timeoutMs: 900_000 });
  expect(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`).toBe(true);
  return r;
}

/** Check ids in the rows of `compare`'s console table whose change column is `kind`. */
export function rowsOf(stdout: string, kind: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.split(/\s+/))
    .filter((cols) => cols[0] === kind)
    .map((cols) => cols[1]!)
    .sort();
}
