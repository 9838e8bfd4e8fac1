// The verdict diff of the "real" self-test project (test/real/verdict-diff.ts): verdicts compared as
// strings, explained only by an entry naming both verdicts, stale entries reported.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { diffVerdicts, loadKnownDifferences, verdictCounts, type KnownDifference } from '../real/verdict-diff.js';

const known = (check: string, real: string, faithful: string): KnownDifference => ({ check, real, faithful, reason: 'r', restsOn: 's' });

test('equal verdicts are no difference; any other pair is, inconclusive and error included', () => {
  const real = [
    { id: 'a', verdict: 'pass' },
    { id: 'b', verdict: 'inconclusive', reason: 'x' },
    { id: 'c', verdict: 'error' },
    { id: 'd', verdict: 'fail' },
  ];
  const faithful = [
    { id: 'a', verdict: 'pass' },
    { id: 'b', verdict: 'fail' },
    { id: 'c', verdict: 'error' },
    { id: 'e', verdict: 'skip' },
  ];
  const d = diffVerdicts(real, faithful, []);
  expect(d.unexplained.map((x) => `${x.check} ${x.real}/${x.faithful}`)).toEqual(['b inconclusive/fail', 'd fail/(absent)', 'e (absent)/skip']);
  expect(d.unexplained[0]!.realReason).toBe('x');
});

test('an entry explains only the pair it names; entries that match nothing are stale', () => {
  const real = [{ id: 'a', verdict: 'pass' }, { id: 'b', verdict: 'fail' }];
  const faithful = [{ id: 'a', verdict: 'fail' }, { id: 'b', verdict: 'pass' }];
  const d = diffVerdicts(real, faithful, [known('a', 'pass', 'fail'), known('b', 'pass', 'fail'), known('z', 'pass', 'fail')]);
  expect(d.explained.map((x) => x.check)).toEqual(['a']);
  expect(d.unexplained.map((x) => x.check)).toEqual(['b']);
  expect(d.stale.map((k) => k.check)).toEqual(['b', 'z']);
});

test('the known-differences file needs every field; counts name what ran and what was not applicable', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crmc-known-'));
  try {
    const f = path.join(dir, 'k.json');
    writeFileSync(f, JSON.stringify({ differences: [{ check: 'a', real: 'pass', faithful: 'fail', reason: 'why' }] }));
    expect(() => loadKnownDifferences(f)).toThrow(/differences\[0\] needs a non-empty "restsOn"/);
    writeFileSync(f, JSON.stringify({ differences: [known('a', 'pass', 'fail')] }));
    expect(loadKnownDifferences(f)).toHaveLength(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(loadKnownDifferences(path.join(import.meta.dirname, '..', 'real', 'known-differences.json'))).toBeInstanceOf(Array);
  expect(verdictCounts([{ id: 'a', verdict: 'pass' }, { id: 'b', verdict: 'fail' }, { id: 'c', verdict: 'skip', notApplicable: true }])).toBe('3 checks, 2 ran (1 pass, 1 fail), 1 not applicable to the profile');
});
