// Faults of the vendor dialects (profiles other than SuiteCRM 7.14) and of the profile-driven
// checks every dialect shares (grants a deployment does not offer, client revocation).
import { CONTROL, faults, NO_REFUSAL, undecided, type Expectation } from './types.js';
import type { Profile } from '../../profile/profile.js';
import { ACCESS_REVOCATION_CONTROLLED, BEARER_CONTROLLED } from './oauth2.js';

const FLEXIE_DOC = 'seeds/004_7f5c32307af5023b.txt (Flexie CRM API authentication)';

/** Grants missing from the profile (SuiteCRM 7.10.0 has no client_credentials). */
export const GRANT_OFFER_FAULTS = faults(
  {
    name: 'unoffered-grant-served',
    description: "the token endpoint serves grants the profile says the deployment does not offer",
    breaks: { 'oauth2.errors.unoffered-grant-refused': /a grant the profile does not offer was accepted/ },
    undecides: { 'oauth2.errors.unoffered-grant-unsupported': NO_REFUSAL },
    selfTestProfiles: ['suitecrm-7.10.0'],
  },
  {
    name: 'password-grant-served',
    description: 'the token endpoint still serves the password grant the deployment switched off (the profile leaves it out)',
    breaks: {
      'oauth2.password.not-offered': /the deployment offers the password grant/,
      // The grant is served now, so the client_credentials client hears it is not authorized for it.
      'oauth2.errors.unoffered-grant-unsupported': /expected HTTP 400 with error=unsupported_grant_type, got HTTP 400 .*error=unauthorized_client/,
    },
    selfTestProfiles: ['suitecrm-entrypoint'],
  },
  {
    name: 'unoffered-grant-unauthorized-client',
    description: 'a grant the deployment does not offer answers 400 unauthorized_client instead of unsupported_grant_type',
    breaks: { 'oauth2.errors.unoffered-grant-unsupported': /expected HTTP 400 with error=unsupported_grant_type, got HTTP 400 .*error=unauthorized_client/ },
    selfTestProfiles: ['suitecrm-7.10.0'],
  },
);

/**
 * What every target of a profile shows by design, not by a fault: a profile that lists the password
 * grant offers it, so oauth2.password.not-offered fails there (advisory) on the conformant target
 * too. The self-test expects that on every entry of such a profile that declares nothing else for it.
 */
export function profileFindings(profile: Profile): Expectation[] {
  return profile.token.grants.includes('password') ? [{ id: 'oauth2.password.not-offered', verdict: 'fail', reason: /the deployment offers the password grant/.source }] : [];
}

/** RFC 7009 revocation endpoint (profiles that declare one: generic-oauth2). */
const RV = 'oauth2.revocation-endpoint';
const ON_REVOCATION_PROFILE = { selfTestProfiles: ['generic-oauth2-revocation'] };
export const REVOCATION_ENDPOINT_FAULTS = faults(
  {
    name: 'revocation-endpoint-ignores-refresh',
    description: 'the revocation endpoint answers 200 to a refresh token but leaves it (and its access token) working',
    breaks: { [`${RV}.revokes-refresh-token`]: /the revoked refresh token was accepted/, [`${RV}.refresh-revocation-kills-access`]: /the access token of the revoked grant was accepted/ },
    ...ON_REVOCATION_PROFILE,
  },
  {
    name: 'revocation-endpoint-ignores-access',
    description: 'the revocation endpoint answers 200 to an access token but leaves it working',
    breaks: { [`${RV}.revokes-access-token`]: /the revoked access token was accepted/ },
    ...ON_REVOCATION_PROFILE,
  },
  {
    name: 'revocation-refresh-keeps-access',
    description: 'revoking a refresh token leaves the access token of the same grant working',
    breaks: { [`${RV}.refresh-revocation-kills-access`]: /the access token of the revoked grant was accepted/ },
    ...ON_REVOCATION_PROFILE,
  },
  {
    name: 'revocation-unknown-token-400',
    description: 'revoking an unknown token answers 400 instead of 200',
    breaks: { [`${RV}.invalid-token-200`]: /expected HTTP 200 \(RFC 7009 §2\.2\), got HTTP 400/ },
    ...ON_REVOCATION_PROFILE,
  },
  {
    name: 'revocation-any-client',
    description: "any authenticated client revokes another client's tokens",
    breaks: { [`${RV}.other-client-refused`]: /after another client's revocation request, the refresh token: expected a 2xx answer/ },
    ...ON_REVOCATION_PROFILE,
  },
  {
    name: 'revocation-no-client-auth',
    description: 'the revocation endpoint does not authenticate the client: a wrong secret revokes too',
    breaks: { [`${RV}.client-auth-required`]: /a revocation request with a wrong client secret was accepted/ },
    ...ON_REVOCATION_PROFILE,
  },
);

/** Resource-refusal checks that run on the SugarCRM profile (opaque tokens, password grant, logout). */
const SUGAR_RESOURCE_CONTROLLED = [...BEARER_CONTROLLED, ...ACCESS_REVOCATION_CONTROLLED];

/** SugarCRM REST v11: sessions per platform. */
export const SUGAR_FAULTS = faults(
  {
    name: 'sugar-login-keeps-platform-session',
    description: "a second password login on the same platform leaves the first session's token working",
    breaks: { 'session.same-platform-ends-first': /the first token after a login on its platform was accepted/ },
    dialects: ['sugarcrm'],
  },
  {
    name: 'sugar-login-ends-every-platform',
    description: "a password login ends the user's sessions on every platform, not only its own",
    breaks: { 'session.other-platform-survives': /the first token after a login on another platform: expected a 2xx answer/ },
    dialects: ['sugarcrm'],
  },
  {
    name: 'sugar-api-refuses-all',
    description: 'the REST API refuses every access token with 401 (the token endpoint is fine)',
    breaks: {
      'oauth2.password.token-works': /with the new access token: expected a 2xx answer/,
      'oauth2.refresh.token-works': /with the new access token: expected a 2xx answer/,
    },
    undecides: {
      'session.same-platform-ends-first': CONTROL,
      'session.other-platform-survives': CONTROL,
      ...undecided(SUGAR_RESOURCE_CONTROLLED),
    },
    dialects: ['sugarcrm'],
  },
);

/** Checks that run on the Flexie profile whose control is a token or key the API accepts. */
const FLEXIE_RESOURCE_CONTROLLED = [
  'apikey.query-refused',
  'apikey.regenerated-old-refused',
  'apikey.regenerated-new-works',
  'bearer.expired-token-vendor-error',
  ...BEARER_CONTROLLED,
  ...ACCESS_REVOCATION_CONTROLLED,
];

export const FLEXIE_FAULTS = faults(
  {
    name: 'flexie-query-token-accepted',
    description: 'the API accepts ?access_token= (documented by Flexie)',
    breaks: { 'bearer.query-token-refused': /a token in \?access_token= was accepted/ },
    observed: FLEXIE_DOC,
    dialects: ['flexie'],
  },
  {
    name: 'flexie-apikey-query-accepted',
    description: 'the API accepts the API key as ?apikey= (documented by Flexie)',
    breaks: { 'apikey.query-refused': /an API key in the query string was accepted/ },
    observed: FLEXIE_DOC,
    dialects: ['flexie'],
  },
  {
    name: 'flexie-apikey-header-ignored',
    description: 'the apikey header is not honoured',
    breaks: { 'apikey.header-works': /the API key in its header: expected a 2xx answer/ },
    undecides: { 'apikey.query-refused': CONTROL, 'apikey.regenerated-new-works': CONTROL, 'apikey.regenerated-old-refused': CONTROL },
    dialects: ['flexie'],
  },
  {
    name: 'flexie-old-apikey-still-works',
    description: 'after "Generate New Key" the replaced key keeps working',
    breaks: { 'apikey.regenerated-old-refused': /the replaced key was accepted/ },
    dialects: ['flexie'],
  },
  {
    name: 'flexie-new-apikey-not-active',
    description: 'after "Generate New Key" the new key is refused (as is the old one)',
    breaks: { 'apikey.regenerated-new-works': /the new key: expected a 2xx answer/ },
    dialects: ['flexie'],
  },
  {
    name: 'flexie-app-revoke-keeps-tokens',
    // Flexie keeps one revoked flag per token: the fault leaves every revoked access token working,
    // also one an administrator revoked (the admin check runs on Flexie since tokens come from its code flow).
    description: "revoking an authorized application (or one of its tokens) leaves its access tokens working",
    breaks: {
      'oauth2.revocation.client-revoke-kills-tokens': /the token of the revoked client was accepted/,
      'oauth2.revocation.admin-revokes-access-token': /the revoked access token was accepted/,
    },
    dialects: ['flexie'],
  },
  {
    name: 'flexie-expired-token-generic-error',
    description: 'an expired token gets a generic "Unauthorized" instead of Flexie\'s "Invalid Token"',
    breaks: { 'bearer.expired-token-vendor-error': /the 401 body does not say "Invalid Token"/ },
    dialects: ['flexie'],
  },
  {
    name: 'flexie-api-refuses-all',
    description: 'the API refuses every token and every API key with 401 (the token endpoint is fine)',
    breaks: {
      'apikey.header-works': /the API key in its header: expected a 2xx answer/,
      'oauth2.refresh.token-works': /with the new access token: expected a 2xx answer/,
      'oauth2.authorization-code.flow-works': /a resource request with the access token from the code: expected a 2xx answer/,
    },
    undecides: {
      ...undecided(FLEXIE_RESOURCE_CONTROLLED),
    },
    dialects: ['flexie'],
  },
);
