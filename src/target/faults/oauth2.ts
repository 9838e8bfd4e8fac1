import { JSONAPI_CHECK_IDS } from '../../checks/jsonapi/index.js';
import { faults } from './types.js';

const OBS = 'suitecrm-7.14-observed.md';

/** Token endpoint and token lifecycle faults (foundation). */
export const OAUTH2_FAULTS = faults(
  // --- success responses, per grant ---
  { name: 'password-response-missing-token-type', description: 'password grant response has no token_type', breaks: ['oauth2.password.response-schema'] },
  { name: 'password-response-cacheable', description: 'password grant response without Cache-Control: no-store', breaks: ['oauth2.password.no-store'] },
  {
    name: 'password-token-unusable',
    description: 'access tokens from the password grant are refused by the resource API',
    // Every JSON:API resource check works with a password-grant token; a denied user's 401 still means "no data".
    breaks: ['oauth2.password.token-works', 'bearer.scheme-case-insensitive', ...JSONAPI_CHECK_IDS.filter((id) => id !== 'jsonapi.acl.no-data')],
  },
  { name: 'cc-response-missing-token-type', description: 'client_credentials response has no token_type', breaks: ['oauth2.client-credentials.response-schema'] },
  { name: 'cc-response-cacheable', description: 'client_credentials response without Cache-Control: no-store', breaks: ['oauth2.client-credentials.no-store'] },
  { name: 'cc-token-unusable', description: 'access tokens from client_credentials are refused by the resource API', breaks: ['oauth2.client-credentials.token-works'] },
  { name: 'cc-issues-refresh-token', description: 'client_credentials grant also issues a refresh token', breaks: ['oauth2.client-credentials.no-refresh-token'] },
  { name: 'refresh-response-missing-token-type', description: 'refresh grant response has no token_type', breaks: ['oauth2.refresh.response-schema'] },
  { name: 'refresh-response-cacheable', description: 'refresh grant response without Cache-Control: no-store', breaks: ['oauth2.refresh.no-store'] },
  { name: 'refresh-token-unusable', description: 'access tokens from the refresh grant are refused by the resource API', breaks: ['oauth2.refresh.token-works'] },
  // --- JWT ---
  { name: 'jwt-header-typ-wrong', description: 'JOSE header typ is "JWS" instead of the profile\'s "JWT"', breaks: ['oauth2.jwt.header'] },
  { name: 'jwt-aud-not-client', description: 'aud claim is a constant, not the client id', breaks: ['oauth2.jwt.claims'] },
  { name: 'jwt-exp-shorter-than-expires-in', description: 'exp − iat is half of the expires_in the response announces', breaks: ['oauth2.jwt.lifetime'] },
  { name: 'jwt-jti-constant', description: 'every access token carries the same jti', breaks: ['oauth2.jwt.jti-unique'] },
  { name: 'jwt-signed-with-unpublished-key', description: 'tokens are signed with a key other than the published public key', breaks: ['oauth2.jwt.signature'] },
  // --- refresh lifecycle ---
  {
    name: 'refresh-not-rotated',
    description: 'the refresh grant returns the same refresh token (no rotation)',
    breaks: ['oauth2.refresh.rotation'],
  },
  {
    name: 'refresh-old-token-still-valid',
    description: 'a rotated-out refresh token keeps working',
    breaks: ['oauth2.refresh.reuse-rejected', 'oauth2.refresh.reuse-invalid-grant'],
  },
  {
    name: 'refresh-not-bound-to-client',
    description: 'a refresh token is honoured for any authenticated client',
    breaks: ['oauth2.refresh.cross-client-rejected', 'oauth2.refresh.cross-client-invalid-grant'],
  },
  // --- errors ---
  { name: 'error-description-illegal-chars', description: 'error_description carries a quote and a newline (outside the RFC 6749 §5.2 charset)', breaks: ['oauth2.errors.error-response-schema'] },
  {
    name: 'client-secret-not-verified',
    description: 'any client_secret is accepted for a known client',
    breaks: ['oauth2.errors.wrong-secret-rejected', 'oauth2.errors.wrong-secret-invalid-client', 'oauth2.errors.basic-auth-challenge'],
  },
  { name: 'wrong-secret-400-invalid-request', description: 'a wrong client_secret (in the body) answers 400 invalid_request', breaks: ['oauth2.errors.wrong-secret-invalid-client'] },
  {
    name: 'unknown-client-accepted',
    description: 'an unknown client_id is treated as the first registered client',
    breaks: ['oauth2.errors.unknown-client-rejected', 'oauth2.errors.unknown-client-invalid-client'],
  },
  {
    name: 'unknown-client-500',
    description: 'unknown client_id → 500 unknown_error "OAuth2Clients module with id … is not found"',
    breaks: ['oauth2.errors.unknown-client-invalid-client'],
    observed: `${OBS} §3.3`,
  },
  { name: 'basic-auth-failure-without-challenge', description: 'a failed HTTP Basic client authentication answers 401 without WWW-Authenticate', breaks: ['oauth2.errors.basic-auth-challenge'] },
  {
    name: 'password-not-verified',
    description: 'the password grant accepts any password for a known user',
    breaks: ['oauth2.errors.wrong-password-rejected', 'oauth2.errors.wrong-password-invalid-grant'],
  },
  {
    name: 'wrong-password-500-echo',
    description: 'wrong password → 500 unknown_error "The password is invalid: <password as sent>"',
    breaks: ['oauth2.errors.wrong-password-invalid-grant', 'security.disclosure.no-secret-echo'],
    observed: `${OBS} §3.3`,
  },
  {
    name: 'unknown-user-500',
    description: 'unknown username → 500 unknown_error "No user found with this username: …"',
    breaks: ['oauth2.errors.unknown-user-invalid-grant'],
    observed: `${OBS} §3.3`,
  },
  {
    name: 'refresh-token-not-verified',
    description: 'an undecodable refresh token is honoured with a new session for the client',
    breaks: ['oauth2.errors.bad-refresh-token-rejected', 'oauth2.errors.bad-refresh-token-invalid-grant'],
  },
  {
    name: 'refresh-errors-401-invalid-request',
    description: 'bad, reused, foreign, revoked or expired refresh tokens → 401 invalid_request',
    breaks: [
      'oauth2.errors.bad-refresh-token-invalid-grant',
      'oauth2.refresh.reuse-invalid-grant',
      'oauth2.refresh.cross-client-invalid-grant',
      'oauth2.expiry.refresh-token-expired-invalid-grant',
    ],
    observed: `${OBS} §3.4`,
  },
  { name: 'unknown-grant-invalid-request', description: 'an unknown grant_type answers 400 invalid_request', breaks: ['oauth2.errors.unsupported-grant-type', 'oauth2.errors.unoffered-grant-unsupported'] },
  { name: 'missing-username-invalid-grant', description: 'a password grant without username answers 400 invalid_grant', breaks: ['oauth2.errors.missing-parameter-invalid-request'] },
  {
    name: 'missing-grant-type-unsupported',
    description: 'a request without grant_type answers unsupported_grant_type',
    breaks: ['oauth2.errors.missing-grant-type-invalid-request'],
    observed: `${OBS} §3.3`,
  },
  {
    name: 'client-grant-restriction-ignored',
    description: 'a client may use grants it is not registered for',
    breaks: ['oauth2.errors.grant-not-allowed-rejected', 'oauth2.errors.grant-not-allowed-unauthorized-client'],
  },
  {
    name: 'grant-not-allowed-invalid-client',
    description: 'a grant the client is not registered for answers 401 invalid_client',
    breaks: ['oauth2.errors.grant-not-allowed-unauthorized-client'],
    observed: `${OBS} §3.1`,
  },
  {
    name: 'array-param-stack-trace',
    description: "client_id or client_secret sent as an array or object (client_id[]=x) → 500 with Slim's stack trace (HTML, or JSON when the request accepts JSON)",
    breaks: ['oauth2.errors.no-server-error', 'security.disclosure.no-stack-trace'],
    observed: `${OBS} §3.3`,
  },
  // --- client authentication and encoding ---
  {
    name: 'basic-auth-unsupported',
    description: 'HTTP Basic client authentication is ignored',
    breaks: ['oauth2.client-auth.basic-accepted', 'oauth2.errors.basic-auth-challenge'],
  },
  { name: 'form-encoding-rejected', description: 'only JSON bodies are parsed at the token endpoint', breaks: ['oauth2.client-auth.form-encoding-accepted'] },
  // --- expiry ---
  {
    name: 'access-token-never-expires',
    description: 'the resource API ignores exp',
    breaks: ['oauth2.expiry.access-token-expires', 'oauth2.expiry.access-token-expired-challenge'],
  },
  {
    name: 'refresh-token-never-expires',
    description: 'refresh tokens are honoured past their lifetime',
    breaks: ['oauth2.expiry.refresh-token-expires', 'oauth2.expiry.refresh-token-expired-invalid-grant'],
  },
  // --- revocation ---
  {
    name: 'admin-revoke-ignored-by-api',
    description: 'the resource API ignores the admin\'s revoked flag',
    // Revoking or deleting a client revokes its tokens through the same flag.
    breaks: [
      'oauth2.revocation.admin-revokes-access-token',
      'oauth2.revocation.client-revoke-kills-tokens',
      'oauth2.revocation.client-deletion-revokes-tokens',
      'security.revocation.client-revocation-kills-tokens',
    ],
  },
  {
    name: 'admin-revoke-ignores-refresh',
    description: 'an admin-revoked token\'s refresh token still works',
    breaks: ['oauth2.revocation.admin-revokes-refresh-token', 'security.revocation.client-revocation-kills-tokens'],
    observed: `${OBS} §3.4`,
  },
  { name: 'logout-keeps-access-token', description: 'logout answers 200 but the access token keeps working', breaks: ['oauth2.revocation.logout-revokes-access-token'] },
  { name: 'logout-keeps-refresh-token', description: 'logout leaves the refresh token usable', breaks: ['oauth2.revocation.logout-revokes-refresh-token'] },
);
