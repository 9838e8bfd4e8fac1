import { CONTROL, faults, NO_REFUSAL, undecided, type FaultDef } from './types.js';

/** Only the SuiteCRM 7.15 dialect has the authorize endpoint. */
const D715 = ['suitecrm-7.15'];
const code = (name: string, description: string, breaks: Record<string, RegExp>, more: Partial<FaultDef> = {}): FaultDef => ({ name, description, breaks, dialects: D715, ...more });
const AC = 'oauth2.authorization-code';

/** Checks whose control is a fresh code redeemed at once (a token request that must succeed). */
const REDEMPTION_CONTROLLED = [
  `${AC}.reuse-rejected`,
  `${AC}.reuse-invalid-grant`,
  `${AC}.reuse-revokes-tokens`,
  `${AC}.concurrent-redemption`,
  `${AC}.expired-rejected`,
  `${AC}.lifetime`,
  `${AC}.other-client-rejected`,
  `${AC}.redirect-uri-mismatch-rejected`,
  `${AC}.redirect-uri-missing-rejected`,
  `${AC}.admin-revoked-rejected`,
  'oauth2.pkce.wrong-verifier-rejected',
  'oauth2.pkce.missing-verifier-rejected',
  'oauth2.pkce.no-plain-downgrade',
];

/** The authorization code grant, its redirects, PKCE and its pages (RFC 6749 §4.1, RFC 7636, RFC 9700). */
export const AUTHORIZATION_CODE_FAULTS = faults(
  code('code-token-unusable', 'access tokens from the authorization_code grant are refused by the resource API', {
    [`${AC}.flow-works`]: /a resource request with the access token from the code: expected a 2xx answer/,
  }, { undecides: { [`${AC}.reuse-revokes-tokens`]: CONTROL } }),
  code(
    'code-redemption-refused',
    'every code redemption is refused with 400 invalid_grant, valid ones too',
    {
      [`${AC}.flow-works`]: /the code was not exchanged for a token/,
      [`${AC}.response-schema`]: /no successful token response/,
      [`${AC}.browser-flow`]: /the code was not exchanged for a token/,
    },
    { undecides: { ...undecided(REDEMPTION_CONTROLLED), [`${AC}.no-store`]: /no successful token response/ } },
  ),
  code(
    'authorize-endpoint-down',
    'the authorize endpoint answers 503 to every request',
    // Flows that need a code or a page cannot even start (error, also in the browser); the redirect checks' controls fail.
    {},
    {
      undecides: {
        'oauth2.authorize.error-redirect': CONTROL,
        'oauth2.authorize.unregistered-redirect-refused': CONTROL,
        'oauth2.authorize.redirect-uri-exact-match': CONTROL,
      },
    },
  ),
  code('code-response-missing-token-type', 'authorization_code token response has no token_type', { [`${AC}.response-schema`]: /token_type/ }),
  code('code-response-cacheable', 'authorization_code token response without Cache-Control: no-store', { [`${AC}.no-store`]: /Cache-Control is absent/ }),
  code(
    'code-reusable',
    'a code can be redeemed again and again',
    {
      [`${AC}.reuse-rejected`]: /a second redemption of the same code was accepted/,
      [`${AC}.reuse-revokes-tokens`]: /still works after the code was replayed/,
      [`${AC}.concurrent-redemption`]: /issued several tokens for one code/,
    },
    { undecides: { [`${AC}.reuse-invalid-grant`]: NO_REFUSAL } },
  ),
  code('code-reuse-error-invalid-request', 'a replayed code is refused with invalid_request instead of invalid_grant', {
    [`${AC}.reuse-invalid-grant`]: /a replayed code: expected HTTP 400 with error=invalid_grant, got HTTP 400 .*error=invalid_request/,
  }),
  code('code-reuse-keeps-tokens', 'a replayed code is refused but the tokens issued from it stay valid', { [`${AC}.reuse-revokes-tokens`]: /still works after the code was replayed/ }),
  code('code-redeem-check-then-delete', 'the code store checks a code, awaits a round trip, then deletes it: concurrent redemptions all succeed', {
    [`${AC}.concurrent-redemption`]: /issued several tokens for one code/,
  }),
  code('code-never-expires', 'codes are honoured after their lifetime', {
    [`${AC}.expired-rejected`]: /a code redeemed after its lifetime was accepted/,
    [`${AC}.lifetime`]: /was still redeemed for a token/,
  }),
  code('code-lifetime-one-hour', 'codes live an hour', { [`${AC}.lifetime`]: /was still redeemed for a token/ }),
  code('code-not-bound-to-client', 'any authenticated client can redeem any code', { [`${AC}.other-client-rejected`]: /another client's redemption of the code was accepted/ }),
  code('code-redirect-uri-mismatch-accepted', 'a code is redeemed with a redirect_uri other than the one it was issued for', {
    [`${AC}.redirect-uri-mismatch-rejected`]: /a redemption with a different redirect_uri was accepted/,
  }),
  code('code-redirect-uri-optional', 'a code requested with a redirect_uri is redeemed without one', {
    [`${AC}.redirect-uri-missing-rejected`]: /a redemption without the redirect_uri .* was accepted/,
  }),
  code('admin-code-revoke-ignored', "the admin panel's code revocation has no effect", { [`${AC}.admin-revoked-rejected`]: /an administrator-revoked code was accepted/ }),
  code('pkce-verifier-not-checked', 'any code_verifier is accepted for a code with a challenge', {
    'oauth2.pkce.wrong-verifier-rejected': /a redemption with a wrong code_verifier was accepted/,
    'oauth2.pkce.no-plain-downgrade': /a redemption presenting the S256 challenge as code_verifier was accepted/,
  }),
  code('pkce-verifier-optional', 'a code with a challenge is redeemed without code_verifier', { 'oauth2.pkce.missing-verifier-rejected': /a redemption without code_verifier was accepted/ }),
  code('pkce-plain-fallback', 'with S256 requested, the challenge itself passes as a plain verifier', {
    'oauth2.pkce.no-plain-downgrade': /a redemption presenting the S256 challenge as code_verifier was accepted/,
  }),
  code('authorize-open-redirect', 'an unregistered redirect_uri receives an error redirect (open redirector)', {
    'oauth2.authorize.unregistered-redirect-refused': /redirected to the unregistered redirect_uri/,
    'oauth2.authorize.redirect-uri-exact-match': /redirected to the unregistered redirect_uri/,
  }),
  code('authorize-redirect-uri-prefix-match', 'redirect_uri is accepted when it starts with a registered one', {
    'oauth2.authorize.redirect-uri-exact-match': /redirected to the unregistered redirect_uri/,
  }),
  code('authorize-state-dropped', 'the code redirect leaves the state out', {
    'oauth2.authorize.state-echoed': /the redirect carried no state/,
    [`${AC}.browser-flow`]: /did not carry the unchanged state/,
  }),
  code('authorize-errors-as-page', 'errors after a valid redirect_uri are shown as a page instead of sent back to the client', {
    'oauth2.authorize.error-redirect': /never redirected back to the client/,
  }),
  code('authorize-deny-issues-code', 'declining on the approve page still sends a code', { 'oauth2.authorize.access-denied': /the user declined, yet the redirect carried a code/ }),
  code(
    'authorize-approval-denied',
    'approving on the approve page redirects with error=access_denied, as declining does',
    // Code flows cannot get a code (error; the browser sees the denial); the refusal checks' control (an approved request gets a code) fails.
    { [`${AC}.browser-flow`]: /redirect carried no code \(error=access_denied\)/ },
    { undecides: { 'oauth2.authorize.access-denied': CONTROL, 'oauth2.authorize.error-redirect': CONTROL } },
  ),
  code('authorize-pages-frameable', 'login and approve pages carry neither X-Frame-Options nor CSP frame-ancestors', {
    'security.authorize.framing-refused': /refuses framing/,
  }),
  code('authorize-pages-cacheable', 'login and approve pages carry no Cache-Control: no-store', { 'security.authorize.no-store': /Cache-Control is absent, expected no-store/ }),
  code('authorize-csp-blocks-form', "the approve page's CSP has form-action 'none': no browser can submit it", {
    // The login form is blocked too (form-action 'none'), or the approve form: either way no redirect.
    [`${AC}.browser-flow`]: /never reached the approve page|never redirected back to the client/,
  }),
);
