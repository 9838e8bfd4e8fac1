// A CLI that explains itself: `<command> --help` for every command lists every option with its
// default; an unknown option names the known ones; --debug is accepted by every command.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { COMMON_FLAGS } from '../../src/cli/args.js';
import { RUN_COMMAND } from '../../src/cli/run.js';
import { cliReports, oneLine, runCli } from './cli.js';

const COMMANDS = ['run', 'serve', 'matrix', 'setup', 'teardown', 'compare', 'baseline', 'merge', 'checks', 'explain', 'faults', 'profiles'];

test('every command has --help listing each option with its default', async () => {
  const top = await runCli(['--help']);
  expect(top.code).toBe(0);
  for (const c of COMMANDS) expect(top.stdout).toContain(`crm-conformance ${c}`);
  const helps = await Promise.all(COMMANDS.map((c) => runCli([c, '--help'])));
  helps.forEach((h, i) => {
    expect(h.code, `${COMMANDS[i]}: ${h.stderr}`).toBe(0);
    expect(h.stdout).toMatch(new RegExp(`^crm-conformance ${COMMANDS[i]}\\b`));
    const optionLines = h.stdout.split('\n').filter((l) => /^\s+(-h, )?--/.test(l));
    for (const l of optionLines) expect(l, COMMANDS[i]).toMatch(/\[default: [^\]]+\]$/);
    expect(optionLines.some((l) => l.includes('--debug'))).toBe(true);
  });
  const run = helps[0]!.stdout;
  for (const name of [...Object.keys(RUN_COMMAND.flags), ...Object.keys(COMMON_FLAGS)]) expect(run).toContain(`--${name}`);
  expect(run).toContain('--max-wait S');
  expect(run).toContain('[default: 60]');
  expect(run).toContain('--grep REGEX is Playwright');
});

test('an unknown option names the known ones; --debug works with every command', async () => {
  const r = await runCli(['serve', '--colour']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/unknown option --colour for "serve"; options: --profile, --mode, .*--debug, --help/);
  const listing = await runCli(['profiles', '--debug']);
  expect(listing.code, listing.stderr).toBe(0);
  expect(listing.stdout).toContain('suitecrm-7.14');
  const secret = await runCli(['run', '--client-secret=x']);
  expect(secret.stderr).toContain('--client-secret is not accepted');
});

test("a reporter that fails is said on stderr, not swallowed behind the run's exit code", async () => {
  const dir = cliReports('reporter-fails');
  // The JSON:API coverage report cannot be written where a directory of its name stands.
  mkdirSync(path.join(dir, 'jsonapi-coverage.json'), { recursive: true });
  const r = await runCli(['run', '--grep', 'oauth2.jwt.header', '--reports-dir', dir]);
  expect(r.stderr).toMatch(/crm-conformance: Error: EISDIR: .*jsonapi-coverage\.json/);
  expect(r.stdout).toContain('1 checks: 1 passed');
});

test('help <command> is <command> --help; an unknown name is one line and exit 2', async () => {
  const ok = await runCli(['help', 'compare']);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain('crm-conformance compare <before.json> <after.json>');
  const bad = await runCli(['help', 'nosuch']);
  expect(bad.code).toBe(2);
  expect(oneLine(bad.stderr)).toMatch(/unknown command "nosuch"; commands: run, /);
});
