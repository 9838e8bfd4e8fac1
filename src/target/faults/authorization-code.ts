import { faults, type FaultDef } from './types.js';

/** Only the SuiteCRM 7.15 dialect has the authorize endpoint. */
const D715 = ['suitecrm-7.15'];
const code = (name: string, description: string, breaks: string[]): FaultDef => ({ name, description, breaks, dialects: D715 });
const AC = 'oauth2.authorization-code';

/** The authorization code grant, its redirects, PKCE and its pages (RFC 6749 §4.1, RFC 7636, RFC 9700). */
export const AUTHORIZATION_CODE_FAULTS = faults(
  code('code-token-unusable', 'access tokens from the authorization_code grant are refused by the resource API', [`${AC}.flow-works`]),
  code('code-response-missing-token-type', 'authorization_code token response has no token_type', [`${AC}.response-schema`]),
  code('code-response-cacheable', 'authorization_code token response without Cache-Control: no-store', [`${AC}.no-store`]),
  code('code-reusable', 'a code can be redeemed again and again', [
    `${AC}.reuse-rejected`,
    `${AC}.reuse-invalid-grant`,
    `${AC}.reuse-revokes-tokens`,
    `${AC}.concurrent-redemption`,
  ]),
  code('code-reuse-error-invalid-request', 'a replayed code is refused with invalid_request instead of invalid_grant', [`${AC}.reuse-invalid-grant`]),
  code('code-reuse-keeps-tokens', 'a replayed code is refused but the tokens issued from it stay valid', [`${AC}.reuse-revokes-tokens`]),
  code(
    'code-redeem-check-then-delete',
    'the code store checks a code, awaits a round trip, then deletes it: concurrent redemptions all succeed',
    [`${AC}.concurrent-redemption`],
  ),
  code('code-never-expires', 'codes are honoured after their lifetime', [`${AC}.expired-rejected`]),
  code('code-lifetime-one-hour', 'codes live an hour', [`${AC}.lifetime`]),
  code('code-not-bound-to-client', 'any authenticated client can redeem any code', [`${AC}.other-client-rejected`]),
  code('code-redirect-uri-mismatch-accepted', 'a code is redeemed with a redirect_uri other than the one it was issued for', [
    `${AC}.redirect-uri-mismatch-rejected`,
  ]),
  code('code-redirect-uri-optional', 'a code requested with a redirect_uri is redeemed without one', [`${AC}.redirect-uri-missing-rejected`]),
  code('admin-code-revoke-ignored', "the admin panel's code revocation has no effect", [`${AC}.admin-revoked-rejected`]),
  code('pkce-verifier-not-checked', 'any code_verifier is accepted for a code with a challenge', [
    'oauth2.pkce.wrong-verifier-rejected',
    'oauth2.pkce.no-plain-downgrade',
  ]),
  code('pkce-verifier-optional', 'a code with a challenge is redeemed without code_verifier', ['oauth2.pkce.missing-verifier-rejected']),
  code('pkce-plain-fallback', 'with S256 requested, the challenge itself passes as a plain verifier', ['oauth2.pkce.no-plain-downgrade']),
  code('authorize-open-redirect', 'an unregistered redirect_uri receives an error redirect (open redirector)', [
    'oauth2.authorize.unregistered-redirect-refused',
    'oauth2.authorize.redirect-uri-exact-match',
  ]),
  code('authorize-redirect-uri-prefix-match', 'redirect_uri is accepted when it starts with a registered one', ['oauth2.authorize.redirect-uri-exact-match']),
  code('authorize-state-dropped', 'the code redirect leaves the state out', ['oauth2.authorize.state-echoed', `${AC}.browser-flow`]),
  code('authorize-errors-as-page', 'errors after a valid redirect_uri are shown as a page instead of sent back to the client', [
    'oauth2.authorize.error-redirect',
  ]),
  code('authorize-deny-issues-code', 'declining on the approve page still sends a code', ['oauth2.authorize.access-denied']),
  code('authorize-pages-frameable', 'login and approve pages carry neither X-Frame-Options nor CSP frame-ancestors', [
    'security.authorize.framing-refused',
  ]),
  code('authorize-pages-cacheable', 'login and approve pages carry no Cache-Control: no-store', ['security.authorize.no-store']),
  code('authorize-csp-blocks-form', "the approve page's CSP has form-action 'none': no browser can submit it", [`${AC}.browser-flow`]),
);
