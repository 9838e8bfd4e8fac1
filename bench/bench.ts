// npm run bench [-- --quick] [-- --rounds N]: the figures of docs/performance.md, from one run on
// the machine at hand. Prints figures only; nothing here asserts a time.
//   1. full suite against the embedded target: wall time, checks/s, peak memory (process tree);
//   2. cost per HTTP exchange: raw fetch vs the harness's HttpClient vs Playwright's APIRequestContext,
//      same requests, same in-process target, interleaved rounds; the target's own time per request;
//   3. scaling: workers 1 and 2, and two shards run side by side;
//   4. the expiry checks on a target we start (2 s access / 4 s refresh lifetime);
//   5. a failing run against a passing one: faithful mode (SuiteCRM's departures, ~47 failures) vs
//      conformant mode, same suite, run back to back — a failing check must cost no more than a passing one.
import { spawn } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { request as pwRequest } from '@playwright/test';
import { HttpClient } from '../src/client/http.js';
import { ApiClient, OAuthClient } from '../src/client/oauth.js';
import { RUN_ENV, type RunSpec } from '../src/config/run-spec.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadProfile } from '../src/profile/profile.js';
import { SecretRegistry } from '../src/redact/secrets.js';
import type { ConformanceReport } from '../src/report/model.js';
import { startReferenceTarget } from '../src/target/server.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ROUNDS = Number(argv[argv.indexOf('--rounds') + 1]) || 30;
const REPORTS = path.join(PROJECT_ROOT, 'reports', 'bench');
const require = createRequire(import.meta.url);
const PW_CLI = require.resolve('@playwright/test/cli');

// ------------------------------------------------------------------ process-tree memory

/** Sum of RSS (bytes) of `root` and its descendants, from /proc (Linux); 0 elsewhere. */
function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(e), Number(fields[1]));
      rss.set(Number(e), Number(fields[21]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, n = 0; p && n < 64; p = parent.get(p), n++) if (p === root) return true;
    return false;
  };
  let sum = 0;
  for (const [pid, bytes] of rss) if (inTree(pid)) sum += bytes;
  return sum;
}

interface SuiteRun {
  label: string;
  wallMs: number;
  peakRssBytes: number;
  checks: number;
  failed: number;
}

/** One Playwright run of the conformance suite (playwright.config.ts) against the embedded target. */
function runSuite(label: string, opts: { workers: number; grep?: string; shard?: string; reportsDir: string; mode?: 'conformant' | 'faithful' }): Promise<SuiteRun> {
  rmSync(opts.reportsDir, { recursive: true, force: true });
  const run: RunSpec = { profile: 'suitecrm-7.14', target: { kind: 'embedded', mode: opts.mode ?? 'conformant' }, maxWaitSeconds: 60, reportsDir: opts.reportsDir, workers: opts.workers };
  const args = [PW_CLI, 'test', '--config', path.join(PROJECT_ROOT, 'playwright.config.ts')];
  if (opts.grep) args.push('--grep', opts.grep);
  if (opts.shard) args.push('--shard', opts.shard);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, [RUN_ENV]: JSON.stringify(run), CRM_CONFORMANCE_CLI: '1' }, stdio: 'ignore' });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      // Every reporter of playwright.config.ts runs (console, HTML, JUnit, JSON), as in a user's run.
      let report: ConformanceReport | undefined;
      try {
        report = JSON.parse(readFileSync(path.join(opts.reportsDir, 'conformance.json'), 'utf8')) as ConformanceReport;
      } catch {
        report = undefined;
      }
      resolve({ label, wallMs, peakRssBytes: peak, checks: report?.summary.total ?? 0, failed: report?.summary.failed ?? 0 });
    });
  });
}

// ------------------------------------------------------------------ per-exchange cost

interface Costs {
  fetchMs: number;
  harnessMs: number;
  playwrightMs: number;
  targetMs: number;
  exchanges: number;
}

async function exchangeCosts(rounds: number): Promise<Costs> {
  const profile = loadProfile('suitecrm-7.14');
  const target = await startReferenceTarget({ profile, mode: 'conformant', accessTtlSeconds: 3600, refreshTtlSeconds: 3600 });
  // The target's own time per request: from node:http's request start to the response's finish.
  let targetNs = 0n;
  let targetCount = 0;
  let measuring = false;
  const started = new WeakMap<object, bigint>();
  const onStart = (m: unknown) => {
    if (measuring) started.set((m as { response: object }).response, process.hrtime.bigint());
  };
  const onFinish = (m: unknown) => {
    const t0 = started.get((m as { response: object }).response);
    if (t0 === undefined) return;
    targetNs += process.hrtime.bigint() - t0;
    targetCount++;
  };
  diagnostics.subscribe('http.server.request.start', onStart);
  diagnostics.subscribe('http.server.response.finish', onFinish);
  const http = new HttpClient(target.baseUrl);
  const oauth = new OAuthClient(http, profile, target.credentials, new SecretRegistry());
  const api = new ApiClient(http, profile);
  const tokenBody = JSON.stringify({ grant_type: 'password', client_id: target.credentials.client.id, client_secret: target.credentials.client.secret, username: target.credentials.username, password: target.credentials.password });
  const tokenUrl = `${target.baseUrl}${profile.token.path}`;
  const probeUrl = `${target.baseUrl}${profile.resource.probe}`;
  const tokenHeaders = { 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json' };
  const seed = (await oauth.obtain('password')).accessToken;
  const probeHeaders = { accept: 'application/vnd.api+json', authorization: `Bearer ${seed}` };
  const pw = await pwRequest.newContext();

  // One round = the mix a check makes: a token request, four authorised probes, one refused probe.
  const rawRound = async () => {
    await (await fetch(tokenUrl, { method: 'POST', headers: tokenHeaders, body: tokenBody })).text();
    for (let i = 0; i < 4; i++) await (await fetch(probeUrl, { headers: probeHeaders })).text();
    await (await fetch(probeUrl, { headers: { accept: 'application/vnd.api+json' } })).text();
  };
  const harnessRound = async () => {
    await oauth.tokenRequest(oauth.passwordParams());
    for (let i = 0; i < 4; i++) await api.probe(seed);
    await api.probeWith({});
    http.log.length = 0;
  };
  const pwRound = async () => {
    await (await pw.post(tokenUrl, { headers: tokenHeaders, data: tokenBody })).text();
    for (let i = 0; i < 4; i++) await (await pw.get(probeUrl, { headers: probeHeaders })).text();
    await (await pw.get(probeUrl, { headers: { accept: 'application/vnd.api+json' } })).text();
  };
  const perRound = 6;
  const timeOf = async (fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  for (const warm of [rawRound, harnessRound, pwRound, rawRound, harnessRound, pwRound]) await warm();
  const sums = { fetch: 0, harness: 0, pw: 0 };
  measuring = true;
  for (let r = 0; r < rounds; r++) {
    // Interleaved, rotating order: machine noise hits all three alike.
    const order: [keyof typeof sums, () => Promise<void>][] = [
      ['fetch', rawRound],
      ['harness', harnessRound],
      ['pw', pwRound],
    ];
    for (let k = 0; k < r % 3; k++) order.push(order.shift()!);
    for (const [name, fn] of order) sums[name] += await timeOf(fn);
  }
  measuring = false;
  diagnostics.unsubscribe('http.server.request.start', onStart);
  diagnostics.unsubscribe('http.server.response.finish', onFinish);
  await pw.dispose();
  await target.close();
  const n = rounds * perRound;
  return { fetchMs: sums.fetch / n, harnessMs: sums.harness / n, playwrightMs: sums.pw / n, targetMs: Number(targetNs) / 1e6 / Math.max(1, targetCount), exchanges: n };
}

// ------------------------------------------------------------------ main

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const cpus = os.cpus();
  process.stdout.write(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${mb(os.totalmem())} RAM, ${os.platform()} ${os.release()}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);

  const costs = await exchangeCosts(ROUNDS);
  process.stdout.write(
    `per exchange (${costs.exchanges} each, mix 1 token POST : 5 GET):\n` +
      `  raw fetch            ${costs.fetchMs.toFixed(2)} ms   1.00×\n` +
      `  harness HttpClient   ${costs.harnessMs.toFixed(2)} ms   ${(costs.harnessMs / costs.fetchMs).toFixed(2)}× fetch\n` +
      `  Playwright request   ${costs.playwrightMs.toFixed(2)} ms   ${(costs.playwrightMs / costs.fetchMs).toFixed(2)}× fetch\n` +
      `  target's own time    ${costs.targetMs.toFixed(2)} ms   (${((costs.targetMs / costs.harnessMs) * 100).toFixed(0)}% of a harness exchange)\n\n`,
  );

  const full = await runSuite('workers 2', { workers: 2, reportsDir: path.join(REPORTS, 'w2') });
  process.stdout.write(
    `full suite, embedded target, 2 workers: ${s(full.wallMs)} wall, ${full.checks} checks (${full.failed} failed), ` +
      `${(full.checks / (full.wallMs / 1000)).toFixed(1)} checks/s, peak memory ${mb(full.peakRssBytes)} (process tree)\n`,
  );

  // Back to back and in both orders, so a warming cache or a busy moment does not favour one mode.
  const faithfulA = await runSuite('faithful', { workers: 2, mode: 'faithful', reportsDir: path.join(REPORTS, 'faithful') });
  const conformantB = await runSuite('conformant', { workers: 2, reportsDir: path.join(REPORTS, 'w2b') });
  const faithfulMs = faithfulA.wallMs;
  const conformantMs = (full.wallMs + conformantB.wallMs) / 2;
  process.stdout.write(
    `failing vs passing run: faithful ${s(faithfulMs)} (${faithfulA.failed} failed checks) vs conformant ${s(conformantMs)} (mean of 2): ` +
      `${(faithfulMs / conformantMs).toFixed(2)}×\n`,
  );

  const expiry = await runSuite('expiry', { workers: 1, grep: 'oauth2\\.expiry\\.', reportsDir: path.join(REPORTS, 'expiry') });
  process.stdout.write(`expiry checks only (${expiry.checks}, 1 worker, lifetimes 2 s / 4 s): ${s(expiry.wallMs)} wall\n`);
  if (QUICK) return;

  const w1 = await runSuite('workers 1', { workers: 1, reportsDir: path.join(REPORTS, 'w1') });
  const shards = await Promise.all([
    runSuite('shard 1/2', { workers: 1, shard: '1/2', reportsDir: path.join(REPORTS, 's1') }),
    runSuite('shard 2/2', { workers: 1, shard: '2/2', reportsDir: path.join(REPORTS, 's2') }),
  ]);
  const shardWall = Math.max(...shards.map((x) => x.wallMs));
  process.stdout.write(
    `scaling: workers 1 ${s(w1.wallMs)}, workers 2 ${s(full.wallMs)} (${(w1.wallMs / full.wallMs).toFixed(2)}× faster), ` +
      `2 shards × 1 worker side by side ${s(shardWall)} (${(w1.wallMs / shardWall).toFixed(2)}×)\n`,
  );
}

await main();
