// A small HTTP client on node:http(s): full control over what is sent (odd headers, raw bodies),
// bounded in time and size, never follows redirects, and records every exchange as evidence.
// Chosen over Playwright's request fixture: ~5× cheaper per call and nothing lands in traces.
import http from 'node:http';
import https from 'node:https';
import type { Exchange, RecordedRequest } from '../checks/types.js';

export interface HttpOptions {
  /** Whole-exchange timeout (connect + headers + body). */
  timeoutMs: number;
  /** Bodies past this are cut off and the exchange reported as a transport failure. */
  maxBodyBytes: number;
  /** Retries of an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE) answered 429/503 with a
   * Retry-After. Never for POST/PATCH, never on transport errors (a reset is evidence). */
  retries?: number;
  /** Longest total Retry-After wait per request (ms); a longer Retry-After is not honoured and the
   * 429/503 is the answer. */
  retryAfterBudgetMs?: number;
}

export const DEFAULT_HTTP: Required<HttpOptions> = { timeoutMs: 10_000, maxBodyBytes: 5 * 1024 * 1024, retries: 1, retryAfterBudgetMs: 5_000 };

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** How long to wait before retrying `ex`, or undefined when the policy says the answer stands. */
export function retryDelayMs(ex: Exchange, budgetLeftMs: number): number | undefined {
  const r = ex.response;
  if (!r || (r.status !== 429 && r.status !== 503) || !IDEMPOTENT.has(ex.request.method.toUpperCase())) return undefined;
  const raw = r.headers['retry-after'];
  if (raw === undefined) return undefined;
  const ms = /^\d+$/.test(raw.trim()) ? Number(raw) * 1000 : Date.parse(raw) - Date.now();
  if (!Number.isFinite(ms)) return undefined;
  const wait = Math.max(0, ms);
  return wait <= budgetLeftMs ? wait : undefined;
}

export interface SendInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Idle keep-alive sockets are closed by us well before servers close them (Apache's default is
 * 5 s): reusing a socket the server is closing at that instant gives a spurious ECONNRESET. */
const FREE_SOCKET_MS = 1000;
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 16, timeout: FREE_SOCKET_MS }),
  https: new https.Agent({ keepAlive: true, maxSockets: 16, timeout: FREE_SOCKET_MS }),
};

/** A reused keep-alive socket that died before any answer: the request may be sent again on a
 * fresh connection (idempotent methods only), as browsers do. Not a retry of the target's answer. */
class StaleSocketError extends Error {}

export class HttpClient {
  readonly log: Exchange[] = [];

  readonly options: Required<HttpOptions>;

  constructor(
    readonly baseUrl: string,
    options: Partial<HttpOptions> = {},
  ) {
    this.options = { ...DEFAULT_HTTP, ...options };
  }

  url(pathOrUrl: string): string {
    // Concatenate, not resolve: SuiteCRM often lives in a sub-folder (https://host/suitecrm).
    return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl.replace(/\/+$/, '')}${pathOrUrl}`;
  }

  /** One request under the retry policy; every attempt lands in the log, the last one is returned. */
  async send(pathOrUrl: string, init: SendInit = {}): Promise<Exchange> {
    let budget = this.options.retryAfterBudgetMs;
    let ex = await this.once(pathOrUrl, init);
    for (let n = 0; n < this.options.retries; n++) {
      const wait = retryDelayMs(ex, budget);
      if (wait === undefined) break;
      budget -= wait;
      await new Promise((r) => setTimeout(r, wait));
      ex = await this.once(pathOrUrl, init);
    }
    return ex;
  }

  private async once(pathOrUrl: string, init: SendInit, fresh = false): Promise<Exchange> {
    const url = this.url(pathOrUrl);
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      headers: { ...(init.headers ?? {}) },
      ...(init.body !== undefined ? { body: init.body } : {}),
    };
    const started = performance.now();
    let stale = false;
    const ex = await roundTrip(request, this.options).then(
      (response) => ({ request, response, durationMs: performance.now() - started }),
      (err: Error) => {
        stale = err instanceof StaleSocketError;
        return { request, transportError: err.message, durationMs: performance.now() - started };
      },
    );
    if (stale && !fresh && IDEMPOTENT.has(request.method.toUpperCase())) return this.once(pathOrUrl, init, true);
    this.log.push(ex);
    return ex;
  }
}

function roundTrip(req: RecordedRequest, opts: HttpOptions): Promise<NonNullable<Exchange['response']>> {
  return new Promise((resolveOnce, rejectOnce) => {
    // A wall-clock bound on the whole exchange: a socket idle timeout alone never fires on a
    // target that drips one byte a second.
    const timer = setTimeout(() => {
      reject(new Error(`no complete answer within ${opts.timeoutMs} ms`));
      r.destroy();
    }, opts.timeoutMs);
    const resolve = (v: NonNullable<Exchange['response']>) => (clearTimeout(timer), resolveOnce(v));
    const reject = (e: Error) => (clearTimeout(timer), rejectOnce(e));
    const u = new URL(req.url);
    const lib = u.protocol === 'https:' ? https : http;
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
      headers['content-length'] = Buffer.byteLength(req.body);
    }
    let answered = false;
    const r = lib.request(
      u,
      {
        method: req.method,
        headers,
        agent: u.protocol === 'https:' ? agents.https : agents.http,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxBodyBytes) {
            reject(new Error(`response body exceeds ${opts.maxBodyBytes} bytes (cut off)`));
            res.destroy();
            return;
          }
          chunks.push(c);
        });
        res.on('error', (e: NodeJS.ErrnoException) => reject(new Error(describeTransportError(e, u))));
        res.on('aborted', () => reject(new Error('connection closed mid-body')));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const hdrs: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) hdrs[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          }
          resolve({ status: res.statusCode ?? 0, headers: hdrs, text, json: parseJson(text) });
        });
      },
    );
    r.on('error', (e: NodeJS.ErrnoException) => {
      const message = describeTransportError(e, u);
      reject(!answered && r.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE') ? new StaleSocketError(message) : new Error(message));
    });
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

function parseJson(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function describeTransportError(e: NodeJS.ErrnoException, u: URL): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${u.host}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${u.hostname} not found`;
    case 'ECONNRESET':
      return 'connection reset by the target';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${u.host} is unreachable`;
    default:
      return e.message;
  }
}

/** application/x-www-form-urlencoded, as RFC 6749 Appendix B asks. */
export function formEncode(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export function basicAuth(id: string, secret: string): string {
  // RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding.
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}
