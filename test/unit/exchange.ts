// Builders of recorded exchanges for offline check tests, and the assertion every such test shares.
import { expect } from '@playwright/test';
import type { Exchange, Outcome } from '../../src/checks/types.js';

export function ex(status: number, body: unknown = {}, headers: Record<string, string> = {}): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = typeof body === 'string' ? JSON.parse(body) : body;
  } catch {
    json = undefined;
  }
  const ct = typeof body === 'string' && json === undefined ? 'text/html' : 'application/json';
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/Api/access_token', headers: {} },
    response: { status, headers: { 'content-type': ct, ...lower(headers) }, text, ...(json !== undefined ? { json } : {}) },
    durationMs: 1,
  };
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

export const transportFailure: Exchange = {
  request: { method: 'GET', url: 'http://127.0.0.1/', headers: {} },
  transportError: 'connection reset by the target',
  durationMs: 1,
};

export const TOKEN = { token_type: 'Bearer', expires_in: 3600, access_token: 'a.b.c', refresh_token: 'def50200abc' };
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** The verdict is inconclusive, and its reason matches `reason` when one is given. */
export function undecided(o: Outcome, reason?: RegExp): void {
  expect(o.verdict, JSON.stringify(o)).toBe('inconclusive');
  if (reason && o.verdict !== 'pass') expect(o.reason).toMatch(reason);
}
