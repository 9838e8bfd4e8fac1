// The HTTP client's bounds and retry policy (docs/robustness.md): wall-clock timeout, body cap,
// Retry-After honoured only for idempotent requests and only within budget.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { Exchange } from '../../src/checks/types.js';
import { HttpClient, retryDelayMs } from '../../src/client/http.js';

function answered(method: string, status: number, headers: Record<string, string> = {}): Exchange {
  return { request: { method, url: 'http://127.0.0.1/x', headers: {} }, response: { status, headers, text: '', json: undefined }, durationMs: 1 };
}

test('Retry-After is honoured for idempotent requests within the budget only', () => {
  expect(retryDelayMs(answered('GET', 429, { 'retry-after': '1' }), 5000)).toBe(1000);
  expect(retryDelayMs(answered('DELETE', 503, { 'retry-after': '0' }), 5000)).toBe(0);
  expect(retryDelayMs(answered('POST', 429, { 'retry-after': '1' }), 5000)).toBeUndefined();
  expect(retryDelayMs(answered('PATCH', 429, { 'retry-after': '1' }), 5000)).toBeUndefined();
  expect(retryDelayMs(answered('GET', 429, { 'retry-after': '120' }), 5000)).toBeUndefined();
  expect(retryDelayMs(answered('GET', 429), 5000)).toBeUndefined();
  expect(retryDelayMs(answered('GET', 500, { 'retry-after': '1' }), 5000)).toBeUndefined();
  const noAnswer: Exchange = { request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} }, transportError: 'connection reset by the target', durationMs: 1 };
  expect(retryDelayMs(noAnswer, 5000)).toBeUndefined();
});

async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

test('a 429 GET is retried once and every attempt is logged; a 429 POST is not retried', async () => {
  let n = 0;
  const s = await serve((req, res) => {
    if (++n === 1 || req.method === 'POST') res.writeHead(429, { 'retry-after': '0' }).end();
    else res.writeHead(200).end('ok');
  });
  try {
    const client = new HttpClient(s.url, { retries: 1, retryAfterBudgetMs: 1000 });
    expect((await client.send('/a')).response?.status).toBe(200);
    expect(client.log).toHaveLength(2);
    expect((await client.send('/b', { method: 'POST', body: 'x' })).response?.status).toBe(429);
    expect(client.log).toHaveLength(3);
  } finally {
    await s.close();
  }
});

test('the timeout bounds the whole exchange, even when bytes keep trickling in', async () => {
  const s = await serve((_req, res) => {
    res.writeHead(200, { 'content-length': 100 });
    const t = setInterval(() => res.write('x'), 50);
    res.on('close', () => clearInterval(t));
  });
  try {
    const ex = await new HttpClient(s.url, { timeoutMs: 300 }).send('/');
    expect(ex.transportError).toBe('no complete answer within 300 ms');
  } finally {
    await s.close();
  }
});

test('a body past the cap is cut off and named', async () => {
  const s = await serve((_req, res) => res.writeHead(200).end(Buffer.alloc(64 * 1024, 0x61)));
  try {
    const ex = await new HttpClient(s.url, { maxBodyBytes: 1024 }).send('/');
    expect(ex.transportError).toBe('response body exceeds 1024 bytes (cut off)');
  } finally {
    await s.close();
  }
});
