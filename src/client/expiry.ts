// Waiting for a token to expire without fixed sleeps: wait until the announced instant, then poll
// briefly for the leeway the server allows, all within a stated budget.
import type { Exchange } from '../checks/types.js';

export interface ExpiryWait {
  /** The first exchange after the lifetime that was refused, or the last one tried. */
  exchange: Exchange;
  /** How long past the announced expiry the token was still accepted (ms), when it was refused. */
  observedLeewayMs?: number;
  waitedMs: number;
}

export const POLL_MS = 200;

/** Prefix of the lines a worker writes while it waits; the console reporter shows them. */
export const WAIT_NOTICE = '⏳ ';
/** Waits shorter than this pass without a word. */
const QUIET_MS = 1_000;
const EVERY_MS = 10_000;

/**
 * Says on stderr what a wait is for and how long is left, then again every 10 s, until `done`
 * settles. Never names a token: `what` is a phrase like "the access token to expire".
 */
export async function announcedWait<T>(what: string, untilMs: number, budgetMs: number | undefined, done: Promise<T>): Promise<T> {
  const left = () => Math.max(0, untilMs - Date.now());
  // The self-test's matrix waits on dozens of targets at once: its output stays the dot line.
  if (left() < QUIET_MS || process.env.CRM_CONFORMANCE_SELFTEST) return done;
  const say = (s: string) => process.stderr.write(`${WAIT_NOTICE}${s}\n`);
  const budget = budgetMs !== undefined ? ` (wait budget ${Math.round(budgetMs / 1000)} s, --max-wait)` : '';
  say(`waiting for ${what}: ${(left() / 1000).toFixed(1)} s left${budget}`);
  const timer = setInterval(() => {
    if (left() > 0) say(`still waiting for ${what}: ${(left() / 1000).toFixed(0)} s left`);
  }, EVERY_MS);
  try {
    return await done;
  } finally {
    clearInterval(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

/**
 * Calls `attempt` from `expiresAt` on, every POLL_MS, until `refused(ex)` or `deadline`.
 * Nothing is awaited before `expiresAt` except the time itself.
 */
export async function waitForExpiry(
  expiresAt: number,
  deadline: number,
  attempt: () => Promise<Exchange>,
  refused: (ex: Exchange) => boolean,
  what = 'the access token to expire',
): Promise<ExpiryWait> {
  const started = Date.now();
  await announcedWait(what, expiresAt, deadline - started, sleep(expiresAt - Date.now()));
  for (;;) {
    const ex = await attempt();
    if (refused(ex)) return { exchange: ex, observedLeewayMs: Math.max(0, Date.now() - expiresAt), waitedMs: Date.now() - started };
    // No answer at all (timeout, reset, cut-off body) is the evidence: polling on only burns the budget.
    if (!ex.response) return { exchange: ex, waitedMs: Date.now() - started };
    if (Date.now() + POLL_MS > deadline) return { exchange: ex, waitedMs: Date.now() - started };
    await sleep(POLL_MS);
  }
}

/** Why an expiry check cannot run within the budget, phrased as how to make it runnable. */
export function budgetSkipReason(what: string, lifetimeSeconds: number, budgetSeconds: number, howToShorten?: string): string {
  return (
    `${what} lives ${lifetimeSeconds} s, longer than the wait budget of ${budgetSeconds} s: ` +
    `raise --max-wait to at least ${Math.ceil(lifetimeSeconds + 5)} or shorten the lifetime on the target` +
    (howToShorten ? ` (${howToShorten})` : '')
  );
}
