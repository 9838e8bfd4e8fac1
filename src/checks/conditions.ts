// Reusable conditions over recorded exchanges. Each returns an Outcome whose reason says what was
// expected and what came back, in one line, without dumping bodies.
import type { Exchange, Outcome } from './types.js';
import { all, fail, inconclusive, pass } from './types.js';

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

export function is4xx(ex: Exchange): boolean {
  return !!ex.response && ex.response.status >= 400 && ex.response.status < 500;
}

export function bodyObject(ex: Exchange): Record<string, unknown> | undefined {
  const j = ex.response?.json;
  return j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : undefined;
}

/** A token request that issued a token: 2xx with an access_token. What a control needs: success
 * is only proven by a token. */
export function tokenIssued(ex: Exchange): boolean {
  return isSuccess(ex) && typeof bodyObject(ex)?.access_token === 'string';
}

/** A token request that was not refused: 2xx, or an access_token on any status. What a refusal is
 * judged against: a 2xx without a token is no refusal either, so it never passes as one. */
export function granted(ex: Exchange): boolean {
  return isSuccess(ex) || typeof bodyObject(ex)?.access_token === 'string';
}

/** Security outcome at the token endpoint: no token was issued. */
export function tokenRefused(ex: Exchange, what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  return granted(ex) ? fail(`${what} was accepted: ${describe(ex)} issued a token`) : pass(describe(ex));
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

/** The wire format of a refusal at the token endpoint. A request that was granted has no refusal
 * whose format could be judged: the hole is the security-outcome check's finding, not this one's. */
export function refusalFormat(ex: Exchange, expect: { status: readonly number[]; error: readonly string[] }, what: string): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  if (granted(ex)) {
    return inconclusive(`${what} was accepted (${describe(ex)}), so there is no refusal whose format could be judged`);
  }
  return oauthError(ex, expect, what);
}

// ---------------------------------------------------------------- controls

/** One control of a check: the same request without the cause, which must succeed. */
export interface Control {
  /** What the control request was ("the same password request with the right client_secret"). */
  what: string;
  ex: Exchange;
  ok: boolean;
}

/** A control that must issue a token. */
export const tokenControl = (what: string, ex: Exchange): Control => ({ what, ex, ok: tokenIssued(ex) });
/** One token control per exchange: evidence may carry one control request or several. */
export const tokenControls = (what: string, control: Exchange | readonly Exchange[]): Control[] => [control].flat().map((ex) => tokenControl(what, ex));
/** A control that must succeed (2xx, or what `ok` says: e.g. exactly 200 with data). */
export const succeeds = (what: string, ex: Exchange, ok = isSuccess(ex)): Control => ({ what, ex, ok });
/** A control that must be refused by the resource API (4xx): the cause, not an open door, decides. */
export const deniedControl = (what: string, ex: Exchange): Control => ({ what, ex, ok: is4xx(ex) });

/**
 * A check that judges a refusal first sees its control succeed: the same request without the cause.
 * A failed control makes the verdict `inconclusive` (a refusal of everything proves nothing), never
 * `pass`; every reason says "control" so reports and faults can tell it apart.
 */
export function controlled(controls: readonly Control[], judge: () => Outcome): Outcome {
  const failed = controls.find((c) => !c.ok);
  return controlledBy(failed && `${failed.what} got ${describe(failed.ex)}, so the outcome cannot be attributed to the cause`, judge);
}

/** controlled() for a control that is no single exchange (e.g. "some round issued a token"):
 * `failure` says what the control got, when it did not succeed. */
export function controlledBy(failure: string | undefined, judge: () => Outcome): Outcome {
  const o = failure !== undefined ? inconclusive(`the control did not succeed: ${failure}`) : judge();
  return { ...o, controlled: true };
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

/** RFC 6750 §3: the refusal carries a WWW-Authenticate challenge with the Bearer scheme (on any
 * status: the 401 is RFC 6750 §3.1's SHOULD, judged by the *-401 checks). */
export function bearerChallenge(ex: Exchange): Outcome {
  if (!ex.response) return inconclusive(`no answer at all: ${describe(ex)}`);
  const ch = parseChallenge(header(ex, 'www-authenticate'));
  const status = `HTTP ${ex.response.status}`;
  if (!ch) return fail(`${status} without a WWW-Authenticate header (RFC 6750 §3 requires a challenge with the "Bearer" scheme): ${describe(ex)}`);
  if (ch.scheme.toLowerCase() !== 'bearer') return fail(`${status}: WWW-Authenticate scheme is "${ch.scheme}", expected Bearer`);
  return pass(`${status} with a "Bearer" challenge`);
}

/** Security outcome at a protected resource: access was not granted (a 4xx refusal, whatever its
 * status: the status is the wire-format checks' business). 3xx/5xx/no answer cannot tell. */
export function notAccepted(ex: Exchange, what: string): Outcome {
  if (isSuccess(ex)) return fail(`${what} was accepted: ${describe(ex)}`);
  if (is4xx(ex)) return pass(describe(ex));
  return inconclusive(`${what} was neither accepted nor refused: ${describe(ex)}`);
}

/** The challenge of a refusal at a protected resource (RFC 6750 §3); a request that was not refused
 * has no challenge to judge (its acceptance is the security-outcome check's finding). */
export function challengeOfRefusal(ex: Exchange, what: string): Outcome {
  const refused = notAccepted(ex, what);
  return refused.verdict === 'pass' ? bearerChallenge(ex) : inconclusive(`no refusal whose challenge could be judged: ${refused.reason}`);
}

/** Wire format of a refusal at a protected resource: its status. A granted request has no refusal
 * whose status could be judged (that hole is the security-outcome check's finding). */
export function refusedWith(ex: Exchange, what: string, allowed: readonly number[]): Outcome {
  if (!ex.response) return inconclusive(`${what} got no answer at all: ${describe(ex)}`);
  if (isSuccess(ex)) return inconclusive(`${what} was accepted (${describe(ex)}), so there is no refusal whose status could be judged`);
  return allowed.includes(ex.response.status) ? pass(describe(ex)) : fail(`${what}: expected HTTP ${allowed.join(' or ')}, got ${describe(ex)}`);
}

/** RFC 6750 §3: "If the protected resource request included an access token and failed
 * authentication, the resource server SHOULD include the "error" attribute" (§3.1: invalid_token).
 * The attribute lives in the challenge: without one there is nothing to look in (that is the
 * *-challenge check's MUST). */
export function invalidTokenErrorCode(ex: Exchange, what: string): Outcome {
  const ch = parseChallenge(header(ex, 'www-authenticate'));
  if (!ch || ch.scheme.toLowerCase() !== 'bearer') return inconclusive(`${what}: no challenge with the "Bearer" scheme whose error attribute could be judged (see the *-challenge checks)`);
  return ch.params.error === 'invalid_token' ? pass() : fail(`${what}: the challenge carries ${ch.params.error ? `error="${ch.params.error}"` : 'no error attribute'}, expected error="invalid_token"`);
}

/** One labelled exchange: a sample or probe and what it was. */
export type Labeled = { label: string; ex: Exchange };

/** Every sample must hold: the first failure decides, else the first inconclusive one. An empty list
 * is inconclusive (`none` says why): what could not be judged never passes. */
export function judgeEach(list: readonly Labeled[], cond: (ex: Exchange, label: string) => Outcome, none = 'nothing was presented'): Outcome {
  return list.length ? all(...list.map(({ label, ex }) => cond(ex, label))) : inconclusive(none);
}

/** A wire-format judgement of those presentations that were refused; accepted ones are the
 * security checks' findings (`owner`), and with none refused there is nothing to judge. */
export function ofRefusals(probes: readonly Labeled[], owner: string, judge: (ex: Exchange, what: string) => Outcome): Outcome {
  const refused = probes.filter((p) => is4xx(p.ex));
  if (refused.length === 0) return inconclusive(`none was refused, so there is no refusal whose format could be judged (see ${owner})`);
  return all(...refused.map((p) => judge(p.ex, p.label)));
}

/** RFC 6750 §3.1 invalid_token: "The resource SHOULD respond with the HTTP 401 (Unauthorized) status code". */
export const status401 = (ex: Exchange, what: string): Outcome => refusedWith(ex, what, [401]);

export function accessGranted(ex: Exchange, what: string): Outcome {
  return isSuccess(ex) ? pass() : fail(`${what}: expected a 2xx answer, got ${describe(ex)}`);
}

export function noServerError(exchanges: readonly { label: string; ex: Exchange }[]): Outcome {
  const bad = exchanges.filter(({ ex }) => !ex.response || ex.response.status >= 500);
  if (bad.length === 0) return pass(`${exchanges.length} malformed requests, none answered 5xx`);
  return fail(`server error for: ${bad.map(({ label, ex }) => `${label} → ${describe(ex)}`).join('; ')}`);
}

/** RFC 6749 §5.2: a client that authenticated with HTTP Basic and failed gets 401 and a
 * WWW-Authenticate challenge "matching the authentication scheme used by the client" (Basic). */
export function basicChallenge(ex: Exchange): Outcome {
  const ch = parseChallenge(header(ex, 'www-authenticate'));
  if (!ch) return fail('HTTP 401 invalid_client without a WWW-Authenticate header');
  return ch.scheme.toLowerCase() === 'basic' ? pass() : fail(`the WWW-Authenticate challenge is "${ch.scheme}", not Basic, the scheme the client authenticated with`);
}
