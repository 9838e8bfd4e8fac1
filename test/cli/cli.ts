// Runs the real CLI in a child process, as a user would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { DEFAULT_REPORTS_DIR, PROJECT_ROOT } from '../../src/paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export const BIN = path.join(PROJECT_ROOT, 'bin', 'crm-conformance.mjs');

/** Environment without any CRM_* variable of the developer's shell. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CRM_') && k !== 'DOCKER_HOST') env[k] = v;
  // No engine, even on a machine with Docker: a default run must not build and start SuiteCRM here.
  return { ...env, DOCKER_HOST: 'unix:///nonexistent/crm-conformance-tests.sock', ...extra };
}

/** A fresh reports folder per CLI test. */
export function cliReports(name: string): string {
  const dir = path.join(DEFAULT_REPORTS_DIR, 'cli', name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? PROJECT_ROOT, env: opts.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Starts `crm-conformance serve` and resolves once it printed its URL. */
export async function startServe(args: string[], credentialsFile: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--credentials-file', credentialsFile, ...args], {
    cwd: PROJECT_ROOT,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Credentials files live outside reports/ (they hold secrets; the canary scan would rightly flag them). */
export function credentialsFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'crm-conformance-')), 'serve.env');
}

/** The one error line of an exit-2 run (the "target:" notice aside). */
export function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n').filter((l) => !l.startsWith('target:'));
  expect(lines, stderr).toHaveLength(1);
  return lines[0]!;
}
