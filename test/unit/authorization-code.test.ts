// evaluate() of the authorization code checks on good and bad evidence.
import { expect, test } from '@playwright/test';
import * as ac from '../../src/checks/oauth2/authorization-code.js';
import { ex, INVALID_GRANT, NO_ANSWER, TOKEN_OK } from './exchange-raw.js';

const CB = 'http://127.0.0.1:9/crm-conformance/callback';
const pass = (o: { verdict: string }) => expect(o.verdict).toBe('pass');
const failed = (o: { verdict: string }) => expect(o.verdict).toBe('fail');

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
  const good = { first: TOKEN_OK, second: INVALID_GRANT, probeAfter: ex(401, { error: 'invalid_token' }) };
  pass(ac.codeReuseRejected.evaluate(good));
  pass(ac.codeReuseInvalidGrant.evaluate(good));
  pass(ac.codeReuseRevokesTokens.evaluate(good));
  const replayed = { first: TOKEN_OK, second: TOKEN_OK, probeAfter: ex(200, { data: [] }) };
  failed(ac.codeReuseRejected.evaluate(replayed));
  failed(ac.codeReuseInvalidGrant.evaluate(replayed));
  failed(ac.codeReuseRevokesTokens.evaluate(replayed));
  failed(ac.codeReuseInvalidGrant.evaluate({ ...good, second: ex(400, { error: 'invalid_request' }) }));
  failed(ac.codeReuseRejected.evaluate({ ...good, first: INVALID_GRANT }));
});

test('concurrent redemption: more than one token in any round fails', () => {
  pass(ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [200, 400, 400], tokens: 1 }] }));
  failed(ac.codeConcurrentRedemption.evaluate({ rounds: [{ statuses: [200, 400], tokens: 1 }, { statuses: [200, 200], tokens: 2 }] }));
  failed(ac.codeConcurrentRedemption.evaluate({ rounds: [] }));
});

test('expiry and lifetime', () => {
  pass(ac.codeExpiredRejected.evaluate(INVALID_GRANT));
  failed(ac.codeExpiredRejected.evaluate(TOKEN_OK));
  failed(ac.codeExpiredRejected.evaluate(NO_ANSWER));
  pass(ac.codeLifetime.evaluate({ seconds: 600, source: 'x' }));
  failed(ac.codeLifetime.evaluate({ seconds: 3600, source: 'x' }));
  failed(ac.codeLifetime.evaluate({ source: 'x' }));
});

test('refusal checks: a token is a failure, an error is a pass', () => {
  for (const c of [
    ac.codeOtherClientRejected,
    ac.codeRedirectMismatchRejected,
    ac.codeRedirectMissingRejected,
    ac.codeAdminRevokedRejected,
    ac.pkceWrongVerifierRejected,
    ac.pkceMissingVerifierRejected,
    ac.pkceNoPlainDowngrade,
  ]) {
    pass(c.evaluate(INVALID_GRANT));
    failed(c.evaluate(TOKEN_OK));
  }
});

test('open redirect: a Location to the unregistered URI fails; an error page passes', () => {
  const attackerUri = 'http://127.0.0.1:9/attacker/callback';
  pass(ac.unregisteredRedirectRefused.evaluate({ attackerUri, steps: [ex(400, '<html>error</html>', { 'content-type': 'text/html' })] }));
  failed(ac.unregisteredRedirectRefused.evaluate({ attackerUri, steps: [ex(302, '', { location: `${attackerUri}?error=invalid_request` })] }));
  failed(ac.redirectExactMatch.evaluate({ attackerUri, steps: [ex(500, '')] }));
  failed(ac.redirectExactMatch.evaluate({ attackerUri, steps: [] }));
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
  failed(ac.stateEchoed.evaluate(base));

  const err = new URL(CB);
  err.searchParams.set('error', 'unsupported_response_type');
  err.searchParams.set('state', 's+/=');
  pass(ac.errorRedirect.evaluate({ ...base, callback: err.toString() }));
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
  failed(ac.pagesRefuseFraming.evaluate({ pages: [] }));
  pass(ac.pagesNotCached.evaluate({ pages: [{ name: 'login', ex: guarded }] }));
  failed(ac.pagesNotCached.evaluate({ pages: [{ name: 'login', ex: open }] }));
});

test('browser flow: consent shown, code with unchanged state, token', () => {
  const cb = `${CB}?code=c&state=st`;
  pass(ac.browserFlow.evaluate({ consentShown: true, sentState: 'st', callback: cb, redeem: TOKEN_OK }));
  failed(ac.browserFlow.evaluate({ consentShown: false, sentState: 'st' }));
  failed(ac.browserFlow.evaluate({ consentShown: true, sentState: 'st' }));
  failed(ac.browserFlow.evaluate({ consentShown: true, sentState: 'st', callback: `${CB}?code=c`, redeem: TOKEN_OK }));
  failed(ac.browserFlow.evaluate({ consentShown: true, sentState: 'st', callback: cb, redeem: INVALID_GRANT }));
});

test('browser flow: a refusal after the code may have expired says so (a slow machine, not a vague failure)', () => {
  const cb = `${CB}?code=c&state=st`;
  const slow = ac.browserFlow.evaluate({ consentShown: true, sentState: 'st', callback: cb, redeem: INVALID_GRANT, approvalToRedemptionSeconds: 6.2, codeSeconds: 5, attempts: 3 });
  expect(slow.verdict === 'pass' ? '' : slow.reason).toContain('6.2 s from approval to redemption, codes live 5 s (3 attempts');
  const quick = ac.browserFlow.evaluate({ consentShown: true, sentState: 'st', callback: cb, redeem: INVALID_GRANT, approvalToRedemptionSeconds: 1.1, codeSeconds: 5, attempts: 1 });
  expect(quick.verdict === 'pass' ? '' : quick.reason).toContain('not exchanged for a token');
});
