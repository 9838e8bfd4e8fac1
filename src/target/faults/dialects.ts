// Faults of the vendor dialects (profiles other than SuiteCRM 7.14) and of the profile-driven
// checks every dialect shares (grants a deployment does not offer, client revocation).
import { faults } from './types.js';

const FLEXIE_DOC = 'seeds/004_7f5c32307af5023b.txt (Flexie CRM API authentication)';

/** Grants missing from the profile (SuiteCRM 7.10.0 has no client_credentials). */
export const GRANT_OFFER_FAULTS = faults(
  {
    name: 'unoffered-grant-served',
    description: "the token endpoint serves grants the profile says the deployment does not offer",
    breaks: ['oauth2.errors.unoffered-grant-refused', 'oauth2.errors.unoffered-grant-unsupported'],
    selfTestProfiles: ['suitecrm-7.10.0'],
  },
  {
    name: 'password-grant-served',
    description: 'the token endpoint still serves the password grant the deployment switched off (the profile leaves it out)',
    breaks: ['oauth2.password.not-offered', 'oauth2.errors.unoffered-grant-unsupported'],
    selfTestProfiles: ['suitecrm-entrypoint'],
  },
  {
    name: 'unoffered-grant-unauthorized-client',
    description: 'a grant the deployment does not offer answers 400 unauthorized_client instead of unsupported_grant_type',
    breaks: ['oauth2.errors.unoffered-grant-unsupported'],
    selfTestProfiles: ['suitecrm-7.10.0'],
  },
);

/** RFC 7009 revocation endpoint (profiles that declare one: generic-oauth2). */
const RV = 'oauth2.revocation-endpoint';
const ON_REVOCATION_PROFILE = { selfTestProfiles: ['generic-oauth2-revocation'] };
export const REVOCATION_ENDPOINT_FAULTS = faults(
  { name: 'revocation-endpoint-ignores-refresh', description: 'the revocation endpoint answers 200 to a refresh token but leaves it (and its access token) working', breaks: [`${RV}.revokes-refresh-token`, `${RV}.refresh-revocation-kills-access`], ...ON_REVOCATION_PROFILE },
  { name: 'revocation-endpoint-ignores-access', description: 'the revocation endpoint answers 200 to an access token but leaves it working', breaks: [`${RV}.revokes-access-token`], ...ON_REVOCATION_PROFILE },
  { name: 'revocation-refresh-keeps-access', description: 'revoking a refresh token leaves the access token of the same grant working', breaks: [`${RV}.refresh-revocation-kills-access`], ...ON_REVOCATION_PROFILE },
  { name: 'revocation-unknown-token-400', description: 'revoking an unknown token answers 400 instead of 200', breaks: [`${RV}.invalid-token-200`], ...ON_REVOCATION_PROFILE },
  { name: 'revocation-any-client', description: "any authenticated client revokes another client's tokens", breaks: [`${RV}.other-client-refused`], ...ON_REVOCATION_PROFILE },
  { name: 'revocation-no-client-auth', description: 'the revocation endpoint does not authenticate the client: a wrong secret revokes too', breaks: [`${RV}.client-auth-required`], ...ON_REVOCATION_PROFILE },
);

/** SugarCRM REST v11: sessions per platform. */
export const SUGAR_FAULTS = faults(
  {
    name: 'sugar-login-keeps-platform-session',
    description: "a second password login on the same platform leaves the first session's token working",
    breaks: ['session.same-platform-ends-first'],
    dialects: ['sugarcrm'],
  },
  {
    name: 'sugar-login-ends-every-platform',
    description: "a password login ends the user's sessions on every platform, not only its own",
    breaks: ['session.other-platform-survives'],
    dialects: ['sugarcrm'],
  },
);

export const FLEXIE_FAULTS = faults(
  {
    name: 'flexie-query-token-accepted',
    description: 'the API accepts ?access_token= (documented by Flexie)',
    breaks: ['bearer.query-token-refused'],
    observed: FLEXIE_DOC,
    dialects: ['flexie'],
  },
  {
    name: 'flexie-apikey-query-accepted',
    description: 'the API accepts the API key as ?apikey= (documented by Flexie)',
    breaks: ['apikey.query-refused'],
    observed: FLEXIE_DOC,
    dialects: ['flexie'],
  },
  { name: 'flexie-apikey-header-ignored', description: 'the apikey header is not honoured', breaks: ['apikey.header-works', 'apikey.regenerated-new-works'], dialects: ['flexie'] },
  {
    name: 'flexie-old-apikey-still-works',
    description: 'after "Generate New Key" the replaced key keeps working',
    breaks: ['apikey.regenerated-old-refused'],
    dialects: ['flexie'],
  },
  {
    name: 'flexie-new-apikey-not-active',
    description: 'after "Generate New Key" the new key is refused (as is the old one)',
    breaks: ['apikey.regenerated-new-works'],
    dialects: ['flexie'],
  },
  {
    name: 'flexie-app-revoke-keeps-tokens',
    // Flexie keeps one revoked flag per token: the fault leaves every revoked access token working,
    // also one an administrator revoked (the admin check runs on Flexie since tokens come from its code flow).
    description: "revoking an authorized application (or one of its tokens) leaves its access tokens working",
    breaks: ['oauth2.revocation.client-revoke-kills-tokens', 'oauth2.revocation.admin-revokes-access-token'],
    dialects: ['flexie'],
  },
  {
    name: 'flexie-expired-token-generic-error',
    description: 'an expired token gets a generic "Unauthorized" instead of Flexie\'s "Invalid Token"',
    breaks: ['bearer.expired-token-vendor-error'],
    dialects: ['flexie'],
  },
);
