// The authorization code grant (RFC 6749 §4.1), its redirect handling (RFC 9700 §2.1, §4.1) and
// PKCE (RFC 7636). Security outcomes and wire formats are separate checks.
import { refusalCheck } from '../factories.js';
import { succeeds, accessGranted, bodyObject, controlled, controlledBy, describe, granted, header, isSuccess, refusalFormat, tokenControl, tokenRefused } from '../conditions.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange, type Keyword, type Outcome, type Requirement } from '../types.js';
import { evaluateNoStore, evaluateTokenResponse } from './grant.js';

const CODE: Requirement[] = ['grant:authorization_code'];
const PKCE: Requirement[] = ['grant:authorization_code', 'pkce:S256'];

/** RFC 6749 §4.1.2: the longest code lifetime the RFC recommends. */
export const MAX_CODE_SECONDS = 600;

export interface CodeFlowEvidence {
  /** The redirect the target sent at the end of the flow (absent: it never redirected). */
  callback?: string;
  redeem?: Exchange;
  probe?: Exchange;
}

/** Judges a finished flow: a code came back, it bought a token, the token works. */
export function evaluateCodeFlow(e: CodeFlowEvidence): Outcome {
  if (!e.callback) return fail('the authorization flow never redirected back to the client');
  const cb = new URL(e.callback);
  if (!cb.searchParams.get('code')) return fail(`the redirect carried no code (error=${cb.searchParams.get('error') ?? 'none'})`);
  if (!e.redeem || !isSuccess(e.redeem) || typeof bodyObject(e.redeem)?.access_token !== 'string') {
    return fail(`the code was not exchanged for a token: ${e.redeem ? describe(e.redeem) : 'not redeemed'}`);
  }
  return e.probe ? accessGranted(e.probe, 'a resource request with the access token from the code') : pass();
}

export const codeFlowWorks: CheckDef<CodeFlowEvidence> = {
  id: 'oauth2.authorization-code.flow-works',
  title: 'authorization_code grant: login, approval, redirect with a code, token exchange and a working token',
  specRefs: ['RFC 6749 §4.1', 'RFC 6749 §4.1.2'],
  severity: 'must',
  // §4.1.2: the redirect carries "code REQUIRED"; §4.1.4 issues the token.
  keyword: 'REQUIRED',
  requires: CODE,
  evaluate: evaluateCodeFlow,
};

export const codeResponseSchema: CheckDef = {
  id: 'oauth2.authorization-code.response-schema',
  title: 'authorization_code grant: the token response is a valid RFC 6749 §5.1 response',
  specRefs: ['RFC 6749 §4.1.4', 'RFC 6749 §5.1'],
  severity: 'must',
  keyword: 'REQUIRED',
  requires: CODE,
  evaluate: evaluateTokenResponse,
};

export const codeNoStore: CheckDef = {
  id: 'oauth2.authorization-code.no-store',
  title: 'authorization_code grant: the token response is not cacheable (Cache-Control: no-store)',
  specRefs: ['RFC 6749 §5.1', 'RFC 9111 §5.4'],
  severity: 'must',
  keyword: 'MUST',
  requires: CODE,
  evaluate: evaluateNoStore,
};

export interface ReplayEvidence {
  first: Exchange;
  second: Exchange;
  /** A resource request with the access token of the first redemption, before the replay (control). */
  probeBefore?: Exchange;
  /** The same request after the replay. */
  probeAfter?: Exchange;
}

/** The control of every replay check: the first redemption issued a token. */
const firstRedeemed = (e: ReplayEvidence) => tokenControl('the first redemption of the code', e.first);

export const codeReuseRejected: CheckDef<ReplayEvidence> = {
  id: 'oauth2.authorization-code.reuse-rejected',
  title: 'a code is single-use: a second redemption gets no token',
  specRefs: ['RFC 6749 §4.1.2', 'RFC 6749 §10.5'],
  severity: 'must',
  // "If an authorization code is used more than once, the authorization server MUST deny the request".
  keyword: 'MUST',
  requires: CODE,
  evaluate: (e) => controlled([firstRedeemed(e)], () => tokenRefused(e.second, 'a second redemption of the same code')),
};

export const codeReuseInvalidGrant: CheckDef<ReplayEvidence> = {
  id: 'oauth2.authorization-code.reuse-invalid-grant',
  title: 'a second redemption of a code is answered 400 invalid_grant',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  keyword: 'REQUIRED',
  requires: CODE,
  evaluate: (e) => controlled([firstRedeemed(e)], () => refusalFormat(e.second, { status: [400], error: ['invalid_grant'] }, 'a replayed code')),
};

export const codeReuseRevokesTokens: CheckDef<ReplayEvidence> = {
  id: 'oauth2.authorization-code.reuse-revokes-tokens',
  title: 'a replayed code revokes the tokens issued from it',
  specRefs: ['RFC 6749 §4.1.2', 'RFC 6749 §10.5'],
  severity: 'should',
  // "… and SHOULD revoke (when possible) all tokens previously issued based on that authorization code."
  keyword: 'SHOULD',
  requires: CODE,
  evaluate: (e) =>
    controlled([firstRedeemed(e), ...(e.probeBefore ? [succeeds('the access token of the first redemption, before the replay', e.probeBefore)] : [])], () => {
      if (!e.probeAfter) return inconclusive('no resource request was made after the replay');
      if (!e.probeAfter.response) return inconclusive(`the resource request after the replay got no answer at all: ${describe(e.probeAfter)}`);
      if (isSuccess(e.probeAfter)) return fail('the access token from the first redemption still works after the code was replayed');
      return pass(describe(e.probeAfter));
    }),
};

export interface RaceEvidence {
  /** Per round: statuses of N concurrent redemptions of one fresh code. */
  rounds: { statuses: number[]; tokens: number }[];
}

export const codeConcurrentRedemption: CheckDef<RaceEvidence> = {
  id: 'oauth2.authorization-code.concurrent-redemption',
  title: 'concurrent redemptions of one code: at most one gets a token',
  specRefs: ['RFC 6749 §4.1.2', 'RFC 6749 §10.5'],
  severity: 'must',
  keyword: 'MUST',
  requires: CODE,
  // The control: some round's redemptions got a token at all. A round where none did is no evidence
  // of single use, so it is left out of the verdict.
  evaluate: (e) =>
    controlledBy(
      e.rounds.some((r) => r.tokens > 0) ? undefined : `in none of ${e.rounds.length} rounds did any redemption get a token, so single use under concurrency cannot be judged`,
      () => {
        const won = e.rounds.filter((r) => r.tokens > 1);
        if (won.length) {
          return fail(
            `${won.length} of ${e.rounds.length} rounds issued several tokens for one code (${won.map((r) => `${r.tokens}/${r.statuses.length}`).join(', ')}): the code store is racy`,
          );
        }
        const judged = e.rounds.filter((r) => r.tokens === 1);
        return pass(`${judged.length} rounds of ${judged[0]!.statuses.length} parallel redemptions, one token each${judged.length < e.rounds.length ? `; ${e.rounds.length - judged.length} rounds issued no token at all (not judged)` : ''}`);
      },
    ),
};

/** A fresh code of the same kind, redeemed as it was issued: the control of every refused redemption. */
const FRESH_CODE = 'a fresh code of the same kind, redeemed at once as it was issued';

export const codeExpiredRejected = refusalCheck({
  id: 'oauth2.authorization-code.expired-rejected',
  title: 'an expired code gets no token',
  specRefs: ['RFC 6749 §4.1.2'],
  // "The authorization code MUST expire shortly after it is issued to mitigate the risk of leaks."
  keyword: 'MUST',
  requires: CODE,
  what: 'a code redeemed after its lifetime',
  control: FRESH_CODE,
});

/** Observed, not configured: a code redeemed when it is older than 10 minutes. */
export interface CodeLifetimeEvidence {
  /** A fresh code redeemed at once (the control). */
  control: Exchange;
  /** A code redeemed at `ageSeconds`. */
  aged: Exchange;
  ageSeconds: number;
  /** How it got that old: waited, or aged by the reference target's control surface. */
  how: string;
}

export const codeLifetime: CheckDef<CodeLifetimeEvidence> = {
  id: 'oauth2.authorization-code.lifetime',
  title: `codes live at most ${MAX_CODE_SECONDS / 60} minutes: a code older than that gets no token`,
  specRefs: ['RFC 6749 §4.1.2'],
  severity: 'should',
  // "A maximum authorization code lifetime of 10 minutes is RECOMMENDED."
  keyword: 'RECOMMENDED',
  requires: CODE,
  // A 2xx without a token is no refusal either: granted(), not a missing token, decides.
  evaluate: (e) =>
    controlled([tokenControl(FRESH_CODE, e.control)], () =>
      !e.aged.response
        ? inconclusive(`the aged code's redemption got no answer at all: ${describe(e.aged)}`)
        : granted(e.aged)
        ? fail(`a code ${e.ageSeconds} s old (${e.how}) was still redeemed for a token: codes live longer than the ${MAX_CODE_SECONDS} s RFC 6749 §4.1.2 recommends`)
        : pass(`a code ${e.ageSeconds} s old (${e.how}) was refused: ${describe(e.aged)}`),
    ),
};

function refusedCheck(id: string, title: string, refs: string[], what: string, keyword: Keyword, requires: Requirement[] = CODE) {
  return refusalCheck({ id, title, specRefs: refs, what, keyword, requires, control: FRESH_CODE });
}

export const codeOtherClientRejected = refusedCheck(
  'oauth2.authorization-code.other-client-rejected',
  'a code redeemed by another (authenticated) client gets no token',
  ['RFC 6749 §4.1.3'],
  "another client's redemption of the code",
  // §4.1.3 "The authorization server MUST: … ensure that the authorization code was issued to the authenticated confidential client".
  'MUST',
  [...CODE, 'second-code-client'],
);
export const codeRedirectMismatchRejected = refusedCheck(
  'oauth2.authorization-code.redirect-uri-mismatch-rejected',
  'a code redeemed with a different redirect_uri gets no token',
  ['RFC 6749 §4.1.3'],
  'a redemption with a different redirect_uri',
  // §4.1.3 MUST: "… and if included ensure that their values are identical."
  'MUST',
);
export const codeRedirectMissingRejected = refusedCheck(
  'oauth2.authorization-code.redirect-uri-missing-rejected',
  'a code requested with a redirect_uri and redeemed without one gets no token',
  ['RFC 6749 §4.1.3'],
  'a redemption without the redirect_uri the authorization request carried',
  // §4.1.3 MUST: "ensure that the "redirect_uri" parameter is present if the "redirect_uri" parameter was included in the initial authorization request".
  'MUST',
);
export const codeAdminRevokedRejected = refusedCheck(
  'oauth2.authorization-code.admin-revoked-rejected',
  'a code revoked by the administrator gets no token',
  ['RFC 6749 §4.1.3', 'RFC 6749 §10.5'],
  'an administrator-revoked code',
  // §4.1.3 MUST: "verify that the authorization code is valid" (a revoked code is not).
  'MUST',
  [...CODE, 'admin:revoke-code'],
);
export const pkceWrongVerifierRejected = refusedCheck(
  'oauth2.pkce.wrong-verifier-rejected',
  'PKCE: a code requested with an S256 challenge and redeemed with a wrong code_verifier gets no token',
  ['RFC 7636 §4.6'],
  'a redemption with a wrong code_verifier',
  // "If the values are not equal, an error response indicating "invalid_grant" … MUST be returned."
  'MUST',
  PKCE,
);
export const pkceMissingVerifierRejected = refusedCheck(
  'oauth2.pkce.missing-verifier-rejected',
  'PKCE: a code requested with a challenge and redeemed without code_verifier gets no token',
  ['RFC 7636 §4.5', 'RFC 7636 §4.6', 'RFC 9700 §2.1.1'],
  'a redemption without code_verifier',
  // §4.5: "code_verifier REQUIRED."
  'REQUIRED',
  PKCE,
);
export const pkceNoPlainDowngrade = refusedCheck(
  'oauth2.pkce.no-plain-downgrade',
  'PKCE: with S256 requested, the challenge itself is not accepted as a "plain" verifier',
  ['RFC 7636 §4.6', 'RFC 9700 §2.1.1'],
  'a redemption presenting the S256 challenge as code_verifier',
  'MUST',
  PKCE,
);

// ------------------------------------------------------------------ the authorization endpoint

export interface RedirectEvidence {
  /** The unregistered URI the request named. */
  attackerUri: string;
  steps: Exchange[];
  /** The same authorization request with the registered redirect_uri (the control): it must be
   * served (a login page, or a redirect to the registered URI). */
  control: Exchange;
}

/** No response of the flow sent the browser to the unregistered URI (RFC 9700 §4.1, RFC 6749 §3.1.2.4). */
export function evaluateNoOpenRedirect(e: RedirectEvidence): Outcome {
  // Served is 2xx or 3xx (a login page, or a redirect to the registered URI), so not isSuccess().
  const status = e.control.response?.status ?? 0;
  return controlled([succeeds('the same authorization request with the registered redirect_uri', e.control, status >= 200 && status < 400)], () => {
    for (const ex of e.steps) {
      const loc = header(ex, 'location');
      if (loc && loc.startsWith(e.attackerUri)) return fail(`HTTP ${ex.response?.status} redirected to the unregistered redirect_uri`);
    }
    const first = e.steps[0];
    if (!first?.response) return inconclusive(`the authorization request got no answer: ${first ? describe(first) : 'not sent'}`);
    if (first.response.status >= 500) return fail(`the authorization request crashed: ${describe(first)}`);
    return pass(`${describe(first)}, no redirect`);
  });
}

export const unregisteredRedirectRefused: CheckDef<RedirectEvidence> = {
  id: 'oauth2.authorize.unregistered-redirect-refused',
  title: 'an unregistered redirect_uri never receives a redirect (no open redirector): an error page instead',
  specRefs: ['RFC 6749 §3.1.2.4', 'RFC 6749 §10.15', 'RFC 9700 §4.1'],
  severity: 'must',
  // "… and MUST NOT automatically redirect the user-agent to the invalid redirection URI."
  keyword: 'MUST NOT',
  requires: CODE,
  evaluate: evaluateNoOpenRedirect,
};

export const redirectExactMatch: CheckDef<RedirectEvidence> = {
  id: 'oauth2.authorize.redirect-uri-exact-match',
  title: 'the redirect_uri is compared exactly: the registered URI with a suffix gets no redirect',
  specRefs: ['RFC 9700 §2.1', 'RFC 9700 §4.1'],
  severity: 'must',
  // "… authorization servers MUST utilize exact string matching …"
  keyword: 'MUST',
  requires: CODE,
  evaluate: evaluateNoOpenRedirect,
};

export interface CallbackEvidence {
  sentState?: string;
  /** The client's registered redirect URI. */
  redirectUri: string;
  callback?: string;
  /** A declined or invalid request's control: the same client's valid request, approved (its last
   * exchange, and whether the redirect back carried a code). */
  control?: { ex: Exchange; code: boolean };
}

/** A declined or invalid request is judged only where an approved, valid one gets a code: a server
 * that answers every request with an error proves nothing. */
const approvedControl = (e: CallbackEvidence) =>
  e.control ? [succeeds('the same request, valid and approved, redirected back with a code', e.control.ex, e.control.code)] : [];

function callbackAt(e: CallbackEvidence, never: (why: string) => Outcome = fail): URL | Outcome {
  if (!e.callback) return never('the target never redirected back to the client');
  const cb = new URL(e.callback);
  if (`${cb.origin}${cb.pathname}` !== e.redirectUri.split('?')[0]) return fail('the redirect went to another URI than the registered one');
  return cb;
}

export const stateEchoed: CheckDef<CallbackEvidence> = {
  id: 'oauth2.authorize.state-echoed',
  title: 'the state parameter comes back unchanged with the code',
  specRefs: ['RFC 6749 §4.1.2', 'RFC 6749 §10.12'],
  severity: 'must',
  // "state REQUIRED if the "state" parameter was present in the client authorization request."
  keyword: 'REQUIRED',
  requires: CODE,
  evaluate: (e) => {
    // A flow that never comes back is oauth2.authorization-code.flow-works's failure: no state to judge.
    const cb = callbackAt(e, (why) => inconclusive(`${why}, so there is no state to judge`));
    if (!(cb instanceof URL)) return cb;
    const got = cb.searchParams.get('state');
    if (got === null) return fail('the redirect carried no state');
    return got === e.sentState ? pass() : fail('the state came back changed');
  },
};

export const errorRedirect: CheckDef<CallbackEvidence> = {
  id: 'oauth2.authorize.error-redirect',
  title: 'an invalid request with a valid redirect_uri (response_type=bogus) goes back as error= with the state',
  specRefs: ['RFC 6749 §4.1.2.1'],
  severity: 'must',
  // "error REQUIRED. A single ASCII error code from the following"; "state REQUIRED if …"
  keyword: 'REQUIRED',
  requires: CODE,
  evaluate: (e) =>
    controlled(approvedControl(e), () => {
    const cb = callbackAt(e);
    if (!(cb instanceof URL)) return cb;
    const err = cb.searchParams.get('error');
    if (!err) return fail('the redirect carried no error parameter');
    if (cb.searchParams.get('code')) return fail('an invalid request was answered with a code');
    if (cb.searchParams.get('state') !== e.sentState) return fail(`error=${err} came back without the unchanged state`);
    // response_type=bogus is both an unsupported response type and an invalid parameter value.
    return ['unsupported_response_type', 'invalid_request'].includes(err) ? pass(`error=${err}`) : fail(`error=${err}, expected unsupported_response_type (or invalid_request)`);
    }),
};

export const accessDenied: CheckDef<CallbackEvidence> = {
  id: 'oauth2.authorize.access-denied',
  title: 'when the user declines, the client gets error=access_denied and no code',
  specRefs: ['RFC 6749 §4.1.2.1'],
  severity: 'must',
  keyword: 'REQUIRED',
  requires: CODE,
  evaluate: (e) =>
    controlled(approvedControl(e), () => {
      const cb = callbackAt(e);
      if (!(cb instanceof URL)) return cb;
      if (cb.searchParams.get('code')) return fail('the user declined, yet the redirect carried a code');
      const err = cb.searchParams.get('error');
      return err === 'access_denied' ? pass() : fail(`the redirect carried error=${err ?? '(none)'}, expected access_denied`);
    }),
};

// ------------------------------------------------------------------ the login and approve pages

export interface PagesEvidence {
  /** The login and approve pages (HTML answers of the flow). */
  pages: { name: string; ex: Exchange }[];
}

function perPage(e: PagesEvidence, test: (ex: Exchange) => string | undefined): Outcome {
  if (e.pages.length === 0) return inconclusive('the flow showed no login or approve page to judge');
  const bad = e.pages.map((p) => ({ name: p.name, why: test(p.ex) })).filter((p) => p.why);
  return bad.length ? fail(bad.map((b) => `${b.name} page: ${b.why}`).join('; ')) : pass(`${e.pages.map((p) => p.name).join(', ')} pages`);
}

/** X-Frame-Options DENY/SAMEORIGIN or a CSP frame-ancestors directive (RFC 6749 §10.13). */
export function framingRefusedBy(ex: Exchange): string | undefined {
  const xfo = header(ex, 'x-frame-options');
  const csp = header(ex, 'content-security-policy') ?? '';
  if (xfo && /^\s*(deny|sameorigin)\s*$/i.test(xfo)) return undefined;
  if (/(^|;)\s*frame-ancestors\s+[^;]+/i.test(csp) && !/frame-ancestors\s+\*/i.test(csp)) return undefined;
  return 'neither X-Frame-Options nor a CSP frame-ancestors directive refuses framing';
}

export const pagesRefuseFraming: CheckDef<PagesEvidence> = {
  id: 'security.authorize.framing-refused',
  title: 'the login and approve pages refuse to be framed (clickjacking)',
  specRefs: ['RFC 9700 §4.16', 'RFC 6749 §10.13'],
  severity: 'must',
  // "Authorization servers MUST prevent clickjacking attacks."
  keyword: 'MUST',
  requires: CODE,
  evaluate: (e) => perPage(e, framingRefusedBy),
};

export const pagesNotCached: CheckDef<PagesEvidence> = {
  id: 'security.authorize.no-store',
  title: 'the login and approve pages are not cacheable',
  // No RFC sentence asks it of these pages (RFC 6749 §5.1's no-store is for token responses);
  // OWASP ASVS V8.2.1 ("anti-caching headers"), Level 1, does: read as MUST.
  specRefs: ['OWASP ASVS 4.0.3 V8.2.1', 'RFC 9111 §5.2.2'],
  severity: 'must',
  keyword: 'MUST',
  requires: CODE,
  evaluate: (e) =>
    perPage(e, (ex) => {
      const cc = header(ex, 'cache-control');
      return cc && /(^|,)\s*no-store\s*(,|$)/i.test(cc) ? undefined : `Cache-Control is ${cc ? `"${cc}"` : 'absent'}, expected no-store`;
    }),
};

// ------------------------------------------------------------------ the real browser

export interface BrowserFlowEvidence {
  /** Whether the login page was shown, and whether its submission was blocked by the page's own
   * Content-Security-Policy (screenshots attached). */
  loginShown: boolean;
  loginBlocked: boolean;
  /** Whether the consent page was shown (a server may skip it: RFC 6749 §4.1 asks for none). */
  consentShown: boolean;
  sentState: string;
  /** The callback URL the browser was sent to (caught by route interception). */
  callback?: string;
  redeem?: Exchange;
  /** Seconds from the browser's last step that can issue the code (the approval, a login where no
   * consent page follows, or the navigation) to the redemption's answer: an upper bound of its age. */
  stepToRedemptionSeconds?: number;
  /** The code lifetime the target was started with or configured to have, when known. */
  codeSeconds?: number;
  /** Runs of the whole flow (repeated only when a refusal may have been the code's expiry). */
  attempts?: number;
}

/** A refused redemption that came when the code may already have expired: timing, not a verdict. */
export function mayHaveExpired(e: BrowserFlowEvidence): boolean {
  const age = e.stepToRedemptionSeconds;
  return !!e.redeem?.response && e.redeem.response.status >= 400 && age !== undefined && e.codeSeconds !== undefined && age >= e.codeSeconds;
}

export const browserFlow: CheckDef<BrowserFlowEvidence> = {
  id: 'oauth2.authorization-code.browser-flow',
  title: 'a real browser completes login and approval and is redirected to the client with a code and the state',
  specRefs: ['RFC 6749 §4.1', 'RFC 6749 §4.1.2'],
  severity: 'must',
  keyword: 'REQUIRED',
  requires: CODE,
  // Two pages at a time: on 2 cores more would outlive the embedded 5 s code lifetime.
  matrixConcurrency: 2,
  evaluate: (e) => {
    // Flows the harness could not drive end in error before here (fixtures/browser.ts).
    if (e.loginBlocked) return fail("the browser never reached the approve page: the login form's submission was blocked by the page's Content-Security-Policy");
    if (!e.callback) return fail(e.consentShown ? 'the browser was never redirected back to the client after approving' : 'the browser never reached the approve page');
    const cb = new URL(e.callback);
    if (!cb.searchParams.get('code')) return fail(`the browser's redirect carried no code (error=${cb.searchParams.get('error') ?? 'none'})`);
    if (cb.searchParams.get('state') !== e.sentState) return fail("the browser's redirect did not carry the unchanged state");
    if (mayHaveExpired(e)) {
      // Timing on this machine, not the target's behaviour: nothing to judge.
      return inconclusive(
        `the code could not be redeemed in time on this machine: ${e.stepToRedemptionSeconds} s from the browser's last step to redemption, codes live ${e.codeSeconds} s (${e.attempts ?? 1} attempts; ${describe(e.redeem!)}); give the target a longer code lifetime or a less loaded machine`,
      );
    }
    return evaluateCodeFlow({ callback: e.callback, ...(e.redeem ? { redeem: e.redeem } : {}) });
  },
};

export const AUTHORIZATION_CODE_CHECKS: readonly CheckDef<never>[] = [
  codeFlowWorks,
  codeResponseSchema,
  codeNoStore,
  codeReuseRejected,
  codeReuseInvalidGrant,
  codeReuseRevokesTokens,
  codeConcurrentRedemption,
  codeExpiredRejected,
  codeLifetime,
  codeOtherClientRejected,
  codeRedirectMismatchRejected,
  codeRedirectMissingRejected,
  codeAdminRevokedRejected,
  pkceWrongVerifierRejected,
  pkceMissingVerifierRejected,
  pkceNoPlainDowngrade,
  unregisteredRedirectRefused,
  redirectExactMatch,
  stateEchoed,
  errorRedirect,
  accessDenied,
  pagesRefuseFraming,
  pagesNotCached,
  browserFlow,
] as readonly CheckDef<never>[];
