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
): Promise<ExpiryWait> {
  const started = Date.now();
  await sleep(expiresAt - Date.now());
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
