// evaluate() of the authorization code checks on good and bad evidence.
import { expect, test } from '@playwright/test';
import * as ac from '../../src/checks/oauth2/authorization-code.js';
import { undecided } from './exchange.js';
import { ex, INVALID_GRANT, NO_ANSWER, TOKEN_OK } from './exchange-raw.js';

const CB = 'http://127.0.0.1:9/crm-conformance/callback';
const pass = (o: { verdict: string }) => expect(o.verdict).toBe('pass');
const failed = (o: { verdict: string }) => expect(o.verdict).toBe('fail');
const refusal = (attempt: typeof TOKEN_OK, control = TOKEN_OK) => ({ attempt, control });

test('flow-works: code, token and a working token pass; each missing step fails', () => {
  pass(ac.codeFlowWorks.evaluate({ callback: `${CB}?code=abc&state=s`, redeem: TOKEN_OK, probe: ex(200, { data: [] }) }));
  failed(ac.codeFlowWorks.evaluate({}));
  failed(ac.codeFlowWorks.evaluate({ callback: `${CB}?error=access_denied` }));
  failed(ac.codeFlowWorks.evaluate({ callback: `${CB}?code=abc`, redeem: INVALID_GRANT }));
  failed(ac.codeFlowWorks.evaluate({ callback: `${CB}?code=abc`, redeem: TOKEN_OK, probe: ex(401, { error: 'invalid_token' }) }));
});

test('response-schema and no-store judge the code token response', () => {
  pass(ac.codeResponseSchema.evaluate(TOKEN_OK));
  failed(ac.codeResponseSchema.evaluate(ex(200, { access_token: 'x' }, { 'content-type': 'application/json' })));
  pass(ac.codeNoStore.evaluate(TOKEN_OK));
  failed(ac.codeNoStore.evaluate(ex(200, { access_token: 'x', token_type: 'Bearer' })));
});

test('replay: a second redemption must be refused with invalid_grant and revoke the first tokens', () => {
  const data = ex(200, { data: [] });
  const good = { first: TOKEN_OK, second: INVALID_GRANT, probeBefore: data, probeAfter: ex(401, { error: 'invalid_token' }) };
  pass(ac.codeReuseRejected.evaluate(good));
  pass(ac.codeReuseInvalidGrant.evaluate(good));
  pass(ac.codeReuseRevokesTokens.evaluate(good));
  const replayed = { first: TOKEN_OK, second: TOKEN_OK, probeBefore: data, probeAfter: data };
  failed(ac.codeReuseRejected.evaluate(replayed));
  undecided(ac.codeReuseInvalidGrant.evaluate(replayed));
  failed(ac.codeReuseRevokesTokens.evaluate(replayed));
  failed(ac.codeReuseInvalidGrant.evaluate({ ...good, second: ex(400, { error: 'invalid_request' }) }));
  // The control: the first redemption worked (and its token worked before the replay).
  undecided(ac.codeReuseRejected.evaluate({ ...good, first: INVALID_GRANT }));
  undecided(ac.codeReuseInvalidGrant.evaluate({ ...good, first: INVALID_GRANT }));
  undecided(ac.codeReuseRevokesTokens.evaluate({ ...good, probeBefore: ex(401, {}) }));
});

test('concurrent redemption: more than one token in any round fails; rounds with no token at all cannot judge', () => {
  pass(ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [200, 400, 400], tokens: 1 }] }));
  failed(ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [200, 400], tokens: 1 }, { statuses: [200, 200], tokens: 2 }] }));
  undecided(ac.codeConcurrentRedemption.evaluate({ rounds: [] }));
  undecided(ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [400, 400], tokens: 0 }] }));
});

test('concurrent redemption judges through its control: every outcome is flagged, and a round without a token is the control failing', () => {
  const none = ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [400, 400], tokens: 0 }] });
  undecided(none, /^the control did not succeed: in none of 1 rounds did any redemption get a token/);
  expect(none.controlled).toBe(true);
  expect(ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [200, 400], tokens: 1 }] }).controlled).toBe(true);
  expect(ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [200, 200], tokens: 2 }] }).controlled).toBe(true);
});

test('expiry and lifetime: observed refusals, against a fresh code redeemed at once (the control)', () => {
  pass(ac.codeExpiredRejected.evaluate(refusal(INVALID_GRANT)));
  failed(ac.codeExpiredRejected.evaluate(refusal(TOKEN_OK)));
  undecided(ac.codeExpiredRejected.evaluate(refusal(NO_ANSWER)));
  undecided(ac.codeExpiredRejected.evaluate(refusal(INVALID_GRANT, INVALID_GRANT)));
  const aged = (attempt: typeof TOKEN_OK, control = TOKEN_OK) => ({ control, aged: attempt, ageSeconds: 605, how: 'aged' });
  pass(ac.codeLifetime.evaluate(aged(INVALID_GRANT)));
  const lived = ac.codeLifetime.evaluate(aged(TOKEN_OK));
  expect(lived.verdict !== 'pass' && lived.reason).toMatch(/a code 605 s old \(aged\) was still redeemed/);
  undecided(ac.codeLifetime.evaluate(aged(INVALID_GRANT, INVALID_GRANT)));
  expect(ac.codeLifetime).toMatchObject({ keyword: 'RECOMMENDED', severity: 'should' });
});

test('lifetime: an aged code answered 2xx without a token was not refused, so it does not pass', () => {
  const aged = (attempt: typeof TOKEN_OK) => ({ control: TOKEN_OK, aged: attempt, ageSeconds: 605, how: 'aged' });
  failed(ac.codeLifetime.evaluate(aged(ex(200, {}))));
  failed(ac.codeLifetime.evaluate(aged(ex(204))));
  undecided(ac.codeLifetime.evaluate(aged(NO_ANSWER)), /got no answer at all/);
});

test('refusal checks: a token is a failure, an error is a pass, a failed fresh redemption is inconclusive', () => {
  for (const c of [
    ac.codeOtherClientRejected,
    ac.codeRedirectMismatchRejected,
    ac.codeRedirectMissingRejected,
    ac.codeAdminRevokedRejected,
    ac.pkceWrongVerifierRejected,
    ac.pkceMissingVerifierRejected,
    ac.pkceNoPlainDowngrade,
  ]) {
    pass(c.evaluate(refusal(INVALID_GRANT)));
    failed(c.evaluate(refusal(TOKEN_OK)));
    undecided(c.evaluate(refusal(INVALID_GRANT, INVALID_GRANT)));
  }
});

test('open redirect: a Location to the unregistered URI fails; an error page passes', () => {
  const attackerUri = 'http://127.0.0.1:9/attacker/callback';
  const control = ex(200, '<html>login</html>', { 'content-type': 'text/html' });
  pass(ac.unregisteredRedirectRefused.evaluate({ attackerUri, control, steps: [ex(400, '<html>error</html>', { 'content-type': 'text/html' })] }));
  failed(ac.unregisteredRedirectRefused.evaluate({ attackerUri, control, steps: [ex(302, '', { location: `${attackerUri}?error=invalid_request` })] }));
  failed(ac.redirectExactMatch.evaluate({ attackerUri, control, steps: [ex(500, '')] }));
  undecided(ac.redirectExactMatch.evaluate({ attackerUri, control, steps: [] }));
  // The authorize endpoint refuses the registered URI too: a refused attacker URI proves nothing.
  undecided(ac.unregisteredRedirectRefused.evaluate({ attackerUri, control: ex(503, ''), steps: [ex(503, '')] }));
});

test('state, error redirect and access_denied', () => {
  const base = { sentState: 's+/=', redirectUri: CB };
  const withState = new URL(CB);
  withState.searchParams.set('code', 'c');
  withState.searchParams.set('state', 's+/=');
  pass(ac.stateEchoed.evaluate({ ...base, callback: withState.toString() }));
  failed(ac.stateEchoed.evaluate({ ...base, callback: `${CB}?code=c` }));
  failed(ac.stateEchoed.evaluate({ ...base, callback: `${CB}?code=c&state=s%20/=` }));
  failed(ac.stateEchoed.evaluate({ ...base, callback: `http://127.0.0.1:9/elsewhere?code=c&state=s` }));
  undecided(ac.stateEchoed.evaluate(base));

  const err = new URL(CB);
  err.searchParams.set('error', 'unsupported_response_type');
  err.searchParams.set('state', 's+/=');
  pass(ac.errorRedirect.evaluate({ ...base, callback: err.toString() }));
  const invalidRequest = new URL(err);
  invalidRequest.searchParams.set('error', 'invalid_request');
  pass(ac.errorRedirect.evaluate({ ...base, callback: invalidRequest.toString() }));
  invalidRequest.searchParams.set('error', 'server_error');
  failed(ac.errorRedirect.evaluate({ ...base, callback: invalidRequest.toString() }));
  failed(ac.errorRedirect.evaluate({ ...base, callback: `${CB}?error=unsupported_response_type` }));
  failed(ac.errorRedirect.evaluate(base));

  pass(ac.accessDenied.evaluate({ ...base, callback: `${CB}?error=access_denied&state=x` }));
  failed(ac.accessDenied.evaluate({ ...base, callback: `${CB}?code=c&state=x` }));
  failed(ac.accessDenied.evaluate({ ...base, callback: `${CB}?error=server_error` }));
});

test('pages: framing protection and no-store on every page', () => {
  const guarded = ex(200, '<html/>', { 'content-type': 'text/html', 'x-frame-options': 'DENY', 'cache-control': 'no-store' });
  const csp = ex(200, '<html/>', { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" });
  const open = ex(200, '<html/>', { 'content-type': 'text/html', 'content-security-policy': 'frame-ancestors *', 'cache-control': 'private' });
  pass(ac.pagesRefuseFraming.evaluate({ pages: [{ name: 'login', ex: guarded }, { name: 'approve', ex: csp }] }));
  failed(ac.pagesRefuseFraming.evaluate({ pages: [{ name: 'login', ex: guarded }, { name: 'approve', ex: open }] }));
  undecided(ac.pagesRefuseFraming.evaluate({ pages: [] }));
  pass(ac.pagesNotCached.evaluate({ pages: [{ name: 'login', ex: guarded }] }));
  failed(ac.pagesNotCached.evaluate({ pages: [{ name: 'login', ex: open }] }));
});

test('browser flow: consent shown, code with unchanged state, token', () => {
  const cb = `${CB}?code=c&state=st`;
  pass(ac.browserFlow.evaluate({ loginShown: true, loginBlocked: false, consentShown: true, sentState: 'st', callback: cb, redeem: TOKEN_OK }));
  // a server that skips the consent page (RFC 6749 §4.1 asks for none) and sends the code
  pass(ac.browserFlow.evaluate({ loginShown: true, loginBlocked: false, consentShown: false, sentState: 'st', callback: cb, redeem: TOKEN_OK }));
  expect(ac.browserFlow.evaluate({ loginShown: true, loginBlocked: true, consentShown: false, sentState: 'st' })).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('Content-Security-Policy') });
  expect(ac.browserFlow.evaluate({ loginShown: true, loginBlocked: false, consentShown: true, sentState: 'st' })).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('never redirected back') });
  failed(ac.browserFlow.evaluate({ loginShown: true, loginBlocked: false, consentShown: true, sentState: 'st', callback: `${CB}?code=c`, redeem: TOKEN_OK }));
  failed(ac.browserFlow.evaluate({ loginShown: true, loginBlocked: false, consentShown: true, sentState: 'st', callback: cb, redeem: INVALID_GRANT }));
});

test('browser flow: a refusal after the code may have expired says so (a slow machine, not a vague failure)', () => {
  const cb = `${CB}?code=c&state=st`;
  const slow = ac.browserFlow.evaluate({ loginShown: true, loginBlocked: false, consentShown: true, sentState: 'st', callback: cb, redeem: INVALID_GRANT, stepToRedemptionSeconds: 6.2, codeSeconds: 5, attempts: 3 });
  expect(slow.verdict).toBe('inconclusive');
  expect(slow.verdict === 'pass' ? '' : slow.reason).toContain("6.2 s from the browser's last step to redemption, codes live 5 s (3 attempts");
  const quick = ac.browserFlow.evaluate({ loginShown: true, loginBlocked: false, consentShown: true, sentState: 'st', callback: cb, redeem: INVALID_GRANT, stepToRedemptionSeconds: 1.1, codeSeconds: 5, attempts: 1 });
  expect(quick.verdict === 'pass' ? '' : quick.reason).toContain('not exchanged for a token');
});
