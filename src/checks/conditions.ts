// Reusable conditions over recorded exchanges. Each returns an Outcome whose reason says what was
// expected and what came back, in one line, without dumping bodies.
import type { Exchange, Outcome } from './types.js';
import { fail, pass } from './types.js';

export function header(ex: Exchange, name: string): string | undefined {
  return ex.response?.headers[name.toLowerCase()];
}

/** The server's own one-line explanation of an OAuth error: league's specific `hint` first, else RFC 6749's `error_description`. */
function explanation(body: Record<string, unknown>): string {
  const text = [body.hint, body.error_description, body.message].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
  if (!text) return '';
  const line = text
    .replace(/\s+/g, ' ')
    // Ids the run made up would make reasons differ between runs, and reasons are compared across
    // runs, shards and reports.
    .replace(/\b(?=[0-9a-f-]*\d)[0-9a-f]{8,}(?:-[0-9a-f]{4,})*\b/gi, '…')
    // Other long unbroken runs are tokens, secrets or keys (kebab-case names aside): the exact-match
    // redaction would miss them once cut short, so none is quoted at all.
    .replace(/[A-Za-z0-9._~+/=-]{24,}/g, (run) => (/^[a-z-]+$/.test(run) ? run : '…'))
    .trim();
  // Cut at a word boundary: a cut word could be the prefix of a short secret.
  return ` ("${line.length > 100 ? `${line.slice(0, line.lastIndexOf(' ', 99) > 0 ? line.lastIndexOf(' ', 99) : 0)}…` : line}")`;
}

/** Compact description of what the target answered, for reasons ("HTTP 500 unknown_error"). */
export function describe(ex: Exchange): string {
  if (!ex.response) return `no response (${ex.transportError ?? 'transport failure'})`;
  const r = ex.response;
  const ct = (r.headers['content-type'] ?? 'no content-type').split(';')[0];
  const body = r.json as Record<string, unknown> | undefined;
  let what = '';
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    if (typeof body.error === 'string') what = ` error=${body.error}${explanation(body)}`;
    else if ('errors' in body) what = ' (error document)';
    else if ('access_token' in body) what = ' (token response)';
    else if ('data' in body) what = ' (data document)';
  } else if (r.text && !body) {
    const t = r.text.trim();
    what = t.startsWith('<') ? ' (HTML page)' : t.length ? ` (${Math.min(t.length, 999_999)} bytes of non-JSON)` : ' (empty body)';
  }
  return `HTTP ${r.status} ${ct}${what}`;
}

export function isSuccess(ex: Exchange): boolean {
  return !!ex.response && ex.response.status >= 200 && ex.response.status < 300;
}

export function bodyObject(ex: Exchange): Record<string, unknown> | undefined {
  const j = ex.response?.json;
  return j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : undefined;
}

/** Security outcome at the token endpoint: no token was issued. */
export function tokenRefused(ex: Exchange, what: string): Outcome {
  if (!ex.response) return fail(`${what}: ${describe(ex)}`);
  const issued = isSuccess(ex) || typeof bodyObject(ex)?.access_token === 'string';
  return issued ? fail(`${what} was accepted: ${describe(ex)} issued a token`) : pass(describe(ex));
}

/** Wire format of an OAuth error (RFC 6749 §5.2): status and error code. */
export function oauthError(
  ex: Exchange,
  expect: { status: readonly number[]; error: readonly string[] },
  what: string,
): Outcome {
  if (!ex.response) return fail(`${what}: ${describe(ex)}`);
  const body = bodyObject(ex);
  const code = typeof body?.error === 'string' ? body.error : undefined;
  const statusOk = expect.status.includes(ex.response.status);
  const codeOk = code !== undefined && expect.error.includes(code);
  if (statusOk && codeOk) return pass();
  return fail(
    `${what}: expected HTTP ${expect.status.join('/')} with error=${expect.error.join('|')}, got ${describe(ex)}`,
  );
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses a WWW-Authenticate value (RFC 9110 §11.6.1): first challenge only, auth-params. */
export function parseChallenge(value: string | undefined): Challenge | undefined {
  if (!value) return undefined;
  const m = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?:\s+(.*))?$/.exec(value);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const rest = m[2] ?? '';
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(rest); p; p = re.exec(rest)) {
    params[p[1]!.toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme: m[1]!, params };
}

/** RFC 6750 §3: a 401 from a protected resource carries a Bearer challenge. */
export function bearerChallenge(ex: Exchange, wantError?: string): Outcome {
  if (!ex.response) return fail(describe(ex));
  if (ex.response.status !== 401) return fail(`expected HTTP 401, got ${describe(ex)}`);
  const raw = header(ex, 'www-authenticate');
  const ch = parseChallenge(raw);
  if (!ch) return fail('HTTP 401 without a WWW-Authenticate header');
  if (ch.scheme.toLowerCase() !== 'bearer') return fail(`WWW-Authenticate scheme is "${ch.scheme}", expected Bearer`);
  if (wantError && ch.params.error !== wantError) {
    return fail(`WWW-Authenticate has error="${ch.params.error ?? ''}", expected error="${wantError}"`);
  }
  return pass();
}

/** Resource access refused: 401 (or 400 where a malformed request is acceptable), never 2xx or 5xx. */
export function accessRefused(ex: Exchange, what: string, allowed: readonly number[] = [401]): Outcome {
  if (!ex.response) return fail(`${what}: ${describe(ex)}`);
  const s = ex.response.status;
  if (allowed.includes(s)) return pass(describe(ex));
  if (s >= 200 && s < 300) return fail(`${what} was accepted: ${describe(ex)}`);
  return fail(`${what}: expected HTTP ${allowed.join(' or ')}, got ${describe(ex)}`);
}

export function accessGranted(ex: Exchange, what: string): Outcome {
  return isSuccess(ex) ? pass() : fail(`${what}: expected a 2xx answer, got ${describe(ex)}`);
}

export function noServerError(exchanges: readonly { label: string; ex: Exchange }[]): Outcome {
  const bad = exchanges.filter(({ ex }) => !ex.response || ex.response.status >= 500);
  if (bad.length === 0) return pass(`${exchanges.length} malformed requests, none answered 5xx`);
  return fail(`server error for: ${bad.map(({ label, ex }) => `${label} → ${describe(ex)}`).join('; ')}`);
}

/** RFC 6749 §5.2: a 401 for failed client authentication includes a WWW-Authenticate challenge. */
export function bearerChallengeBasic(ex: Exchange): Outcome {
  const ch = parseChallenge(header(ex, 'www-authenticate'));
  if (!ch) return fail('HTTP 401 invalid_client without a WWW-Authenticate header');
  return ch.scheme.toLowerCase() === 'basic' ? pass() : pass(`challenge scheme is ${ch.scheme}`);
}
