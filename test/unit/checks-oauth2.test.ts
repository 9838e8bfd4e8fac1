// Every token-endpoint check on good and bad payloads, offline.
import { expect, test } from '@playwright/test';
import * as errors from '../../src/checks/oauth2/errors.js';
import { ccNoRefreshToken, evaluateNoStore, evaluateTokenResponse, tokenWorksCheck } from '../../src/checks/oauth2/grant.js';
import { basicAccepted, formEncodingAccepted } from '../../src/checks/oauth2/client-auth.js';
import * as refresh from '../../src/checks/oauth2/refresh.js';
import { clientAuthRequired, invalidToken200, otherClientRefused, refreshRevocationKillsAccess, revokesAccessToken, revokesRefreshToken } from '../../src/checks/oauth2/revocation-endpoint.js';
import { describe } from '../../src/checks/conditions.js';
import type { Exchange, Outcome } from '../../src/checks/types.js';
import { CONTROL } from '../../src/target/faults/types.js';
import { ex, NO_STORE, TOKEN, transportFailure, undecided } from './exchange.js';

const passes = (o: Outcome) => expect(o, JSON.stringify(o)).toMatchObject({ verdict: 'pass' });
const fails = (o: Outcome, reason?: RegExp) => {
  expect(o.verdict, 'expected a failure').toBe('fail');
  if (reason && o.verdict !== 'pass') expect(o.reason).toMatch(reason);
};

test.describe('token response (RFC 6749 §5.1)', () => {
  test('a SuiteCRM token response passes, with or without refresh_token', () => {
    passes(evaluateTokenResponse(ex(200, TOKEN, { 'content-type': 'application/json; charset=UTF-8' })));
    const { refresh_token: _r, ...cc } = TOKEN;
    passes(evaluateTokenResponse(ex(200, cc)));
  });
  test('lower-case token_type is accepted (case-insensitive)', () => passes(evaluateTokenResponse(ex(200, { ...TOKEN, token_type: 'bearer' }))));
  test('missing token_type, non-string access_token, bad scope, wrong media type and errors fail', () => {
    const { token_type: _t, ...noType } = TOKEN;
    fails(evaluateTokenResponse(ex(200, noType)), /token_type/);
    fails(evaluateTokenResponse(ex(200, { ...TOKEN, access_token: 42 })), /access_token/);
    fails(evaluateTokenResponse(ex(200, { ...TOKEN, scope: 'a\u0000b' })), /scope/);
    fails(evaluateTokenResponse(ex(200, { ...TOKEN, token_type: 'MAC' })), /MAC/);
    fails(evaluateTokenResponse(ex(200, TOKEN, { 'content-type': 'text/plain' })), /Content-Type/);
    fails(evaluateTokenResponse(ex(401, { error: 'invalid_client' })), /no successful token response/);
    fails(evaluateTokenResponse(transportFailure), /connection reset/);
  });
  test('expires_in absent is a note, not a failure', () => {
    const { expires_in: _e, ...rest } = TOKEN;
    expect(evaluateTokenResponse(ex(200, rest))).toEqual({ verdict: 'pass', note: expect.stringContaining('expires_in') });
  });
});

test.describe('no-store (RFC 6749 §5.1)', () => {
  test('Cache-Control: no-store passes; a missing Pragma is a noted, knowing departure (RFC 9111 §5.4)', () => {
    passes(evaluateNoStore(ex(200, TOKEN, NO_STORE)));
    expect(evaluateNoStore(ex(200, TOKEN, { 'cache-control': 'private, no-store' }))).toMatchObject({ verdict: 'pass', note: expect.stringMatching(/Pragma.*knowingly.*RFC 9111 §5\.4/) });
  });
  test('no successful token response: caching cannot be judged', () => {
    expect(evaluateNoStore(ex(401, { error: 'invalid_client' })).verdict).toBe('inconclusive');
  });
  test('absent or other Cache-Control fails', () => {
    fails(evaluateNoStore(ex(200, TOKEN)), /absent/);
    fails(evaluateNoStore(ex(200, TOKEN, { 'cache-control': 'no-cache' })), /no-cache/);
    fails(evaluateNoStore(ex(200, TOKEN, { 'cache-control': 'no-store-ish' })));
  });
});

test('token-works: 2xx passes, 401 fails', () => {
  const c = tokenWorksCheck('password');
  passes(c.evaluate(ex(200, { data: [] })));
  fails(c.evaluate(ex(401, { error: 'access_denied' })), /expected a 2xx/);
});

test('client_credentials issues no refresh token', () => {
  const { refresh_token: _r, ...cc } = TOKEN;
  passes(ccNoRefreshToken.evaluate(ex(200, cc)));
  fails(ccNoRefreshToken.evaluate(ex(200, TOKEN)), /refresh_token/);
  expect(ccNoRefreshToken.evaluate(ex(401, { error: 'invalid_client' })).verdict).toBe('inconclusive');
});

/** A refusal check's evidence: the attempt, and its control (by default a token was issued). */
const refusal = (attempt: Exchange, control: Exchange = ex(200, TOKEN)) => ({ attempt, control });

test.describe('errors (RFC 6749 §5.2)', () => {
  const invalidClient = ex(401, { error: 'invalid_client', error_description: 'Client authentication failed', message: 'x' });
  const suiteUnknown = ex(500, { error: 'unknown_error', error_description: 'OAuth2Clients module with id x is not found' });

  test('security outcome: any refusal passes, an issued token fails, no answer is inconclusive', () => {
    passes(errors.wrongSecretRejected.evaluate(refusal(invalidClient)));
    passes(errors.unknownClientRejected.evaluate(refusal(suiteUnknown)));
    fails(errors.wrongPasswordRejected.evaluate(refusal(ex(200, TOKEN))), /a wrong password was accepted/);
    undecided(errors.badRefreshTokenRejected.evaluate(refusal(transportFailure)), /no answer/);
  });
  test('the control: the same request without the cause must issue a token, else inconclusive (never pass)', () => {
    undecided(errors.wrongSecretRejected.evaluate(refusal(invalidClient, invalidClient)), CONTROL);
    undecided(errors.wrongSecretInvalidClient.evaluate(refusal(invalidClient, invalidClient)), /right client_secret got HTTP 401/);
    undecided(errors.badRefreshTokenRejected.evaluate(refusal(ex(400, { error: 'invalid_grant' }), ex(401, { error: 'invalid_client' }))), /genuine refresh token/);
    // Every control of a check must succeed.
    undecided(errors.grantNotAllowedRejected.evaluate({ attempt: invalidClient, control: [ex(200, TOKEN), invalidClient] }), CONTROL);
    passes(errors.grantNotAllowedRejected.evaluate({ attempt: invalidClient, control: [ex(200, TOKEN), ex(200, TOKEN)] }));
  });
  test('wire format: the exact status and code; a granted request has no refusal to judge', () => {
    passes(errors.wrongSecretInvalidClient.evaluate(refusal(invalidClient)));
    passes(errors.wrongSecretInvalidClient.evaluate(refusal(ex(400, { error: 'invalid_client' }))));
    fails(errors.unknownClientInvalidClient.evaluate(refusal(suiteUnknown)), /expected HTTP 400\/401 with error=invalid_client, got HTTP 500/);
    passes(errors.wrongPasswordInvalidGrant.evaluate(refusal(ex(400, { error: 'invalid_grant' }))));
    fails(errors.wrongPasswordInvalidGrant.evaluate(refusal(ex(500, { error: 'unknown_error' }))));
    undecided(errors.wrongPasswordInvalidGrant.evaluate(refusal(ex(200, TOKEN))), /was accepted .*no refusal/);
    fails(errors.badRefreshTokenInvalidGrant.evaluate(refusal(ex(401, { error: 'invalid_request' }))));
    passes(errors.unsupportedGrantType.evaluate(refusal(ex(400, { error: 'unsupported_grant_type' }))));
    fails(errors.unsupportedGrantType.evaluate(refusal(ex(400, { error: 'invalid_request' }))));
    passes(errors.missingGrantTypeInvalidRequest.evaluate(refusal(ex(400, { error: 'invalid_request' }))));
    fails(errors.missingGrantTypeInvalidRequest.evaluate(refusal(ex(400, { error: 'unsupported_grant_type' }))));
    passes(errors.grantNotAllowedUnauthorizedClient.evaluate(refusal(ex(400, { error: 'unauthorized_client' }))));
    fails(errors.grantNotAllowedUnauthorizedClient.evaluate(refusal(ex(401, { error: 'invalid_client' }))));
    fails(errors.missingParameterInvalidRequest.evaluate(refusal(ex(400, '<html>bad</html>'))), /HTML page/);
  });
  test('the same §5.2 rule has the same severity: a missing grant_type and a missing username', () => {
    expect(errors.missingGrantTypeInvalidRequest.severity).toBe(errors.missingParameterInvalidRequest.severity);
    expect(errors.missingGrantTypeInvalidRequest.keyword).toBe(errors.missingParameterInvalidRequest.keyword);
  });
  test('HTTP Basic failure needs 401 invalid_client and a Basic challenge (the scheme the client used)', () => {
    const basic = { 'WWW-Authenticate': 'Basic realm="OAuth"' };
    passes(errors.basicAuthChallenge.evaluate(refusal(ex(401, { error: 'invalid_client' }, basic))));
    fails(errors.basicAuthChallenge.evaluate(refusal(ex(401, { error: 'invalid_client' }))), /WWW-Authenticate/);
    fails(errors.basicAuthChallenge.evaluate(refusal(ex(401, { error: 'invalid_client' }, { 'WWW-Authenticate': 'Bearer realm="x"' }))), /"Bearer", not Basic/);
    fails(errors.basicAuthChallenge.evaluate(refusal(ex(400, { error: 'invalid_client' }))));
    undecided(errors.basicAuthChallenge.evaluate(refusal(ex(200, TOKEN))), /was accepted/);
    undecided(errors.basicAuthChallenge.evaluate(refusal(ex(401, { error: 'invalid_client' }, basic), ex(400, { error: 'invalid_request' }))), /right secret in HTTP "Basic"/);
  });
  test('error body schema: error member charset, JSON media type', () => {
    passes(errors.errorResponseSchema.evaluate([invalidClient, ex(400, { error: 'invalid_request', hint: 'Check the `client_id` parameter' })]));
    fails(errors.errorResponseSchema.evaluate([ex(400, { error: 'invalid_request', error_description: 'a "quoted"\nline' })]), /error_description/);
    fails(errors.errorResponseSchema.evaluate([ex(400, { message: 'no error member' })]), /required/);
    fails(errors.errorResponseSchema.evaluate([ex(400, '<html></html>')]), /Content-Type/);
    fails(errors.errorResponseSchema.evaluate([ex(200, TOKEN)]), /expected an error response/);
  });
  test('no server error: 4xx everywhere passes, any 5xx or transport failure fails', () => {
    passes(errors.noServerErrorOnMalformed.evaluate([{ label: 'a', ex: ex(400, { error: 'invalid_request' }) }]));
    fails(
      errors.noServerErrorOnMalformed.evaluate([
        { label: 'ok', ex: ex(400, { error: 'invalid_request' }) },
        { label: 'client_id[]=x', ex: ex(500, '<html>trace</html>') },
      ]),
      /client_id\[\]=x → HTTP 500/,
    );
    fails(errors.noServerErrorOnMalformed.evaluate([{ label: 'hang', ex: transportFailure }]));
  });
});

test('client authentication and encoding', () => {
  passes(basicAccepted.evaluate(ex(200, TOKEN)));
  fails(basicAccepted.evaluate(ex(400, { error: 'invalid_request' })));
  passes(formEncodingAccepted.evaluate(ex(200, TOKEN)));
  fails(formEncodingAccepted.evaluate(ex(400, { error: 'unsupported_grant_type' })));
});

test.describe('refresh lifecycle', () => {
  const rotated = (reuse: Exchange) => ({ original: 'def50200old', refreshed: ex(200, { ...TOKEN, refresh_token: 'def50200new' }), reuse });
  const notRotated = { original: 'def50200abc', refreshed: ex(200, TOKEN), reuse: ex(200, TOKEN) };
  const firstRefused = { ...notRotated, refreshed: ex(401, { error: 'invalid_client' }) };

  test('rotation (advisory: RFC 6749 §6 MAY for confidential clients)', () => {
    expect(refresh.refreshRotation).toMatchObject({ severity: 'advisory', keyword: 'MAY' });
    passes(refresh.refreshRotation.evaluate(rotated(ex(400, { error: 'invalid_grant' }))));
    fails(refresh.refreshRotation.evaluate(notRotated), /no rotation/);
    undecided(refresh.refreshRotation.evaluate(firstRefused), CONTROL);
  });
  test('reuse: judged only when rotated, and only after a first refresh that worked (the control)', () => {
    passes(refresh.refreshReuseRejected.evaluate(rotated(ex(401, { error: 'invalid_request' }))));
    fails(refresh.refreshReuseRejected.evaluate(rotated(ex(200, TOKEN))), /reused refresh token was accepted/);
    undecided(refresh.refreshReuseRejected.evaluate(notRotated), /does not rotate/);
    undecided(refresh.refreshReuseInvalidGrant.evaluate(notRotated), /does not rotate/);
    undecided(refresh.refreshReuseRejected.evaluate(firstRefused), CONTROL);
    undecided(refresh.refreshReuseInvalidGrant.evaluate(firstRefused), CONTROL);
    passes(refresh.refreshReuseInvalidGrant.evaluate(rotated(ex(400, { error: 'invalid_grant' }))));
    fails(refresh.refreshReuseInvalidGrant.evaluate(rotated(ex(401, { error: 'invalid_request' }))), /got HTTP 401/);
    undecided(refresh.refreshReuseInvalidGrant.evaluate(rotated(ex(200, TOKEN))), /was accepted/);
  });
  test('cross-client, with its controls', () => {
    const ok = [ex(200, TOKEN), ex(200, TOKEN)];
    passes(refresh.refreshCrossClientRejected.evaluate({ attempt: ex(401, { error: 'invalid_request' }), control: ok }));
    fails(refresh.refreshCrossClientRejected.evaluate({ attempt: ex(200, TOKEN), control: ok }));
    undecided(refresh.refreshCrossClientRejected.evaluate({ attempt: ex(401, { error: 'invalid_request' }), control: [ex(200, TOKEN), ex(401, {})] }), CONTROL);
    passes(refresh.refreshCrossClientInvalidGrant.evaluate({ attempt: ex(400, { error: 'invalid_grant' }), control: ok }));
    fails(refresh.refreshCrossClientInvalidGrant.evaluate({ attempt: ex(401, { error: 'invalid_request' }), control: ok }));
  });
});

test('revocation endpoint (RFC 7009): 200 + refused passes; a surviving token, a non-200 or a wrong-client success fail; a failed control is inconclusive', () => {
  const ok200 = ex(200, '');
  const refused = ex(400, { error: 'invalid_grant' });
  const issued = ex(200, { access_token: 'a', token_type: 'Bearer', expires_in: 60 });
  const data = ex(200, { data: [] });
  expect(revokesRefreshToken.evaluate({ revoke: ok200, after: refused, control: issued }).verdict).toBe('pass');
  expect(revokesRefreshToken.evaluate({ revoke: ok200, after: issued, control: issued }).verdict).toBe('fail');
  expect(revokesRefreshToken.evaluate({ revoke: ex(204, ''), after: refused, control: issued }).verdict).toBe('fail');
  undecided(revokesRefreshToken.evaluate({ revoke: ok200, after: refused, control: ex(401, { error: 'invalid_client' }) }), /sibling refresh token/);
  expect(revokesAccessToken.evaluate({ revoke: ok200, after: ex(401, {}), control: data }).verdict).toBe('pass');
  expect(revokesAccessToken.evaluate({ revoke: ok200, after: data, control: data }).verdict).toBe('fail');
  undecided(revokesAccessToken.evaluate({ revoke: ok200, after: ex(401, {}), control: ex(401, {}) }), /before the revocation/);
  undecided(refreshRevocationKillsAccess.evaluate({ revoke: ok200, after: ex(401, {}), control: ex(401, {}) }), CONTROL);
  expect(invalidToken200.evaluate(ok200).verdict).toBe('pass');
  expect(invalidToken200.evaluate(ex(400, { error: 'invalid_request' })).verdict).toBe('fail');
  expect(otherClientRefused.evaluate({ revoke: ex(400, { error: 'invalid_grant' }), after: issued, control: issued }).verdict).toBe('pass');
  expect(otherClientRefused.evaluate({ revoke: ok200, after: refused, control: issued }).verdict).toBe('fail');
  // Every refresh refused: "the token still works afterwards" cannot be judged.
  undecided(otherClientRefused.evaluate({ revoke: ex(400, { error: 'invalid_grant' }), after: refused, control: refused }), CONTROL);
  expect(clientAuthRequired.evaluate({ revoke: ex(401, { error: 'invalid_client' }), after: issued, control: issued }).verdict).toBe('pass');
  fails(clientAuthRequired.evaluate({ revoke: ok200, after: refused, control: issued }), /wrong client secret was accepted/);
  undecided(clientAuthRequired.evaluate({ revoke: ex(401, { error: 'invalid_client' }), after: refused, control: refused }), CONTROL);
});

test.describe('reasons quote the server\'s own explanation', () => {
  test("league's hint first, else error_description, one line, bounded", () => {
    expect(describe(ex(400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid', hint: 'Authorization code has expired' }))).toBe(
      'HTTP 400 application/json error=invalid_grant ("Authorization code has expired")',
    );
    expect(describe(ex(400, { error: 'invalid_client', error_description: 'Client\nauthentication failed' }))).toContain('("Client authentication failed")');
    expect(describe(ex(400, { error: 'invalid_request' }))).toBe('HTTP 400 application/json error=invalid_request');
    // Ids the run made up are masked: reasons are compared between runs and shards.
    expect(describe(ex(500, { error: 'unknown_error', hint: 'OAuth2Clients module with id crm-conformance-no-such-client-7ded505f is not found' }))).toContain(
      '"OAuth2Clients module with id crm-conformance-no-such-client-… is not found"',
    );
    expect(describe(ex(500, { error: 'e', hint: 'record 3f2b1c9e-1a2b-4c3d-8e9f-0123456789ab gone' }))).toContain('"record … gone"');
    expect(describe(ex(400, { error: 'x', error_description: 'y'.repeat(300) })).length).toBeLessThan(160);
    // Nothing token-like is quoted, and a cut never leaves the prefix of a word (a short secret).
    // Joined at run time: a JWT-shaped literal in this source would reach the HTML report's step snippets.
    const token = ['eyJhbGciOiJSUzI1NiJ9', 'eyJzdWIiOiIxIn0', 'c2lnbmF0dXJlLXNpZ25hdHVyZQ'].join('.');
    expect(describe(ex(400, { error: 'invalid_grant', hint: `token ${token} is revoked` }))).toContain('("token … is revoked")');
    const long = describe(ex(400, { error: 'x', hint: `${'word '.repeat(19)}hunter2secret and more` }));
    expect(long).not.toContain('hunter');
    expect(long).toContain('word…');
  });
});
