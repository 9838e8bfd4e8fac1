import { CONTROL, faults, NO_REFUSAL, undecided } from './types.js';

const OBS = 'suitecrm-7.14-observed.md';


/** Bearer checks whose control is a valid token on the probe request. */
export const BEARER_CONTROLLED = [
  'bearer.missing-token-401',
  'bearer.missing-token-challenge',
  'bearer.invalid-token-refused',
  'bearer.invalid-token-401',
  'bearer.invalid-token-error',
  'bearer.invalid-token-challenge',
  'bearer.malformed-authorization',
  'bearer.query-token-refused',
  'bearer.raw-token-refused',
  'bearer.refresh-token-refused',
  'bearer.scheme-case-insensitive',
] as const;

/** Forged-token checks whose forgeries need no key of the server's. */
export const SIGNATURE_FORGERIES = [
  'security.tokens.alg-none-refused',
  'security.tokens.algorithm-confusion-refused',
  'security.tokens.signature-stripped-refused',
  'security.tokens.signature-altered-refused',
  'security.tokens.claim-tampered-refused',
  'security.tokens.injected-key-refused',
] as const;

/** Revocation and expiry checks whose control is the token (or a sibling) working. */
export const ACCESS_REVOCATION_CONTROLLED = [
  'oauth2.revocation.admin-revokes-access-token',
  'oauth2.revocation.logout-revokes-access-token',
  'oauth2.revocation.client-revoke-kills-tokens',
  'security.revocation.client-revocation-kills-tokens',
  'oauth2.expiry.access-token-expires',
  'oauth2.expiry.access-token-expired-challenge',
] as const;

/** Checks whose control is a token the resource API accepts (suitecrm-7.14, generic-oauth2-revocation). */
export const RESOURCE_CONTROLLED = [
  ...BEARER_CONTROLLED,
  ...SIGNATURE_FORGERIES,
  'security.tokens.nbf-future-refused',
  'security.tokens.aud-other-client-refused',
  'security.tokens.exp-required',
  'security.tokens.refusal-401',
  ...ACCESS_REVOCATION_CONTROLLED,
  'oauth2.revocation.client-deletion-revokes-tokens',
  'oauth2.revocation-endpoint.revokes-access-token',
  'oauth2.revocation-endpoint.refresh-revocation-kills-access',
  'security.disclosure.oauth2-clients-admin-only',
  'security.disclosure.oauth2-tokens-admin-only',
  'security.disclosure.user-preferences-private',
  // JSON:API answers are judged only where a list with the same token works.
  'jsonapi.crud.create',
  'jsonapi.documents.media-type',
  'jsonapi.errors.error-document',
  'jsonapi.errors.document-shape',
] as const;

/** Checks whose control is a password-grant token request that must issue a token. */
const TOKEN_CONTROLLED = [
  'oauth2.errors.wrong-secret-rejected',
  'oauth2.errors.wrong-secret-invalid-client',
  'oauth2.errors.unknown-client-rejected',
  'oauth2.errors.unknown-client-invalid-client',
  'oauth2.errors.basic-auth-challenge',
  'oauth2.errors.wrong-password-rejected',
  'oauth2.errors.wrong-password-invalid-grant',
  'oauth2.errors.unknown-user-invalid-grant',
  'oauth2.errors.unsupported-grant-type',
  'oauth2.errors.missing-parameter-invalid-request',
  'oauth2.errors.missing-grant-type-invalid-request',
  'oauth2.errors.grant-not-allowed-rejected',
  'oauth2.errors.grant-not-allowed-unauthorized-client',
  'oauth2.errors.unoffered-grant-refused',
  'oauth2.errors.unoffered-grant-unsupported',
  'oauth2.password.not-offered',
] as const;

/** Checks whose control is a refresh that must succeed (a sibling token, or the first refresh). */
const REFRESH_CONTROLLED = [
  'oauth2.refresh.rotation',
  'oauth2.refresh.reuse-rejected',
  'oauth2.refresh.reuse-invalid-grant',
  'oauth2.refresh.cross-client-rejected',
  'oauth2.refresh.cross-client-invalid-grant',
  'oauth2.errors.bad-refresh-token-rejected',
  'oauth2.errors.bad-refresh-token-invalid-grant',
  'oauth2.revocation.admin-revokes-refresh-token',
  'oauth2.revocation.logout-revokes-refresh-token',
  'oauth2.expiry.refresh-token-expires',
  'oauth2.expiry.refresh-token-expired-invalid-grant',
  'security.revocation.client-revocation-kills-tokens',
  'oauth2.revocation-endpoint.revokes-refresh-token',
  'oauth2.revocation-endpoint.other-client-refused',
  'oauth2.revocation-endpoint.client-auth-required',
] as const;

/** Token endpoint and token lifecycle faults (foundation). */
export const OAUTH2_FAULTS = faults(
  // --- success responses, per grant ---
  { name: 'password-response-missing-token-type', description: 'password grant response has no token_type', breaks: { 'oauth2.password.response-schema': /token_type/ } },
  { name: 'password-response-cacheable', description: 'password grant response without Cache-Control: no-store', breaks: { 'oauth2.password.no-store': /Cache-Control is absent/ } },
  {
    name: 'password-token-unusable',
    description: 'the resource API refuses every access token from the password grant (the token endpoint is fine)',
    // The JSON:API checks work with such tokens too: they cannot gather (error) or judge (inconclusive) here.
    breaks: { 'oauth2.password.token-works': /with the new access token: expected a 2xx answer, got HTTP 401/ },
    undecides: undecided(RESOURCE_CONTROLLED),
    selfTestProfiles: ['suitecrm-7.14', 'generic-oauth2-revocation'],
  },
  {
    name: 'token-endpoint-refuses-all',
    description: 'the token endpoint refuses every request with 401 invalid_client, valid ones too',
    breaks: {
      'oauth2.password.response-schema': /no successful token response/,
      'oauth2.client-credentials.response-schema': /no successful token response/,
      'oauth2.client-auth.basic-accepted': /client credentials sent with HTTP "Basic" were not accepted/,
      'oauth2.client-auth.form-encoding-accepted': /form-encoded token request: expected a 2xx answer/,
    },
    undecides: {
      ...undecided(TOKEN_CONTROLLED),
      'oauth2.password.no-store': /no successful token response/,
      'oauth2.client-credentials.no-store': /no successful token response/,
      'oauth2.client-credentials.no-refresh-token': /no successful token response/,
    },
    selfTestProfiles: ['suitecrm-7.14', 'suitecrm-7.10.0', 'suitecrm-entrypoint'],
  },
  {
    name: 'refresh-grant-refuses-all',
    description: 'every refresh is refused with 401 invalid_client, valid ones too (as SuiteCRM issue #10268)',
    breaks: { 'oauth2.refresh.response-schema': /no successful token response/ },
    undecides: { ...undecided(REFRESH_CONTROLLED), 'oauth2.refresh.no-store': /no successful token response/ },
    selfTestProfiles: ['suitecrm-7.14', 'generic-oauth2-revocation'],
  },
  { name: 'cc-response-missing-token-type', description: 'client_credentials response has no token_type', breaks: { 'oauth2.client-credentials.response-schema': /token_type/ } },
  { name: 'cc-response-cacheable', description: 'client_credentials response without Cache-Control: no-store', breaks: { 'oauth2.client-credentials.no-store': /Cache-Control is absent/ } },
  {
    name: 'cc-token-unusable',
    description: 'access tokens from client_credentials are refused by the resource API',
    breaks: { 'oauth2.client-credentials.token-works': /with the new access token: expected a 2xx answer/ },
  },
  { name: 'cc-issues-refresh-token', description: 'client_credentials grant also issues a refresh token', breaks: { 'oauth2.client-credentials.no-refresh-token': /carries a refresh_token/ } },
  { name: 'refresh-response-missing-token-type', description: 'refresh grant response has no token_type', breaks: { 'oauth2.refresh.response-schema': /token_type/ } },
  { name: 'refresh-response-cacheable', description: 'refresh grant response without Cache-Control: no-store', breaks: { 'oauth2.refresh.no-store': /Cache-Control is absent/ } },
  { name: 'refresh-token-unusable', description: 'access tokens from the refresh grant are refused by the resource API', breaks: { 'oauth2.refresh.token-works': /with the new access token: expected a 2xx answer/ } },
  // --- JWT ---
  { name: 'jwt-header-typ-wrong', description: 'JOSE header typ is "JWS" instead of the profile\'s "JWT"', breaks: { 'oauth2.jwt.header': /header typ is "JWS"/ } },
  { name: 'jwt-aud-not-client', description: 'aud claim is a constant, not the client id', breaks: { 'oauth2.jwt.claims': /aud is .*expected the client id/ } },
  {
    name: 'jwt-exp-shorter-than-expires-in',
    description: 'exp − iat is half of the expires_in the response announces',
    breaks: { 'oauth2.jwt.lifetime': /exp − iat is .* but expires_in says/ },
  },
  { name: 'jwt-jti-constant', description: 'every access token carries the same jti', breaks: { 'oauth2.jwt.jti-unique': /tokens share 1 jti/ } },
  {
    name: 'jwt-signed-with-unpublished-key',
    description: 'tokens are signed with a key other than the published public key',
    breaks: { 'oauth2.jwt.signature': /signature does not verify with the published public key/ },
  },
  // --- refresh lifecycle ---
  {
    name: 'refresh-not-rotated',
    description: 'the refresh grant returns the same refresh token (no rotation)',
    breaks: { 'oauth2.refresh.rotation': /no rotation/ },
    undecides: undecided(['oauth2.refresh.reuse-rejected', 'oauth2.refresh.reuse-invalid-grant'], /does not rotate refresh tokens/),
  },
  {
    name: 'refresh-old-token-still-valid',
    description: 'a rotated-out refresh token keeps working',
    breaks: { 'oauth2.refresh.reuse-rejected': /reused refresh token was accepted/ },
    undecides: { 'oauth2.refresh.reuse-invalid-grant': NO_REFUSAL },
  },
  {
    name: 'refresh-not-bound-to-client',
    description: 'a refresh token is honoured for any authenticated client',
    breaks: { 'oauth2.refresh.cross-client-rejected': /another client's refresh token was accepted/ },
    undecides: { 'oauth2.refresh.cross-client-invalid-grant': NO_REFUSAL },
  },
  // --- errors ---
  {
    name: 'error-description-illegal-chars',
    description: 'error_description carries a quote and a newline (outside the RFC 6749 §5.2 charset)',
    breaks: { 'oauth2.errors.error-response-schema': /oauth-error\.schema\.json.*error_description/ },
  },
  {
    name: 'client-secret-not-verified',
    description: 'any client_secret is accepted for a known client',
    breaks: { 'oauth2.errors.wrong-secret-rejected': /a wrong client_secret was accepted/ },
    undecides: { 'oauth2.errors.wrong-secret-invalid-client': NO_REFUSAL, 'oauth2.errors.basic-auth-challenge': NO_REFUSAL },
  },
  {
    name: 'wrong-secret-400-invalid-request',
    description: 'a wrong client_secret (in the body) answers 400 invalid_request',
    breaks: { 'oauth2.errors.wrong-secret-invalid-client': /wrong client_secret: expected HTTP 400\/401 with error=invalid_client, got HTTP 400 .*error=invalid_request/ },
  },
  {
    name: 'unknown-client-accepted',
    description: 'an unknown client_id is treated as the first registered client',
    breaks: { 'oauth2.errors.unknown-client-rejected': /an unknown client_id was accepted/ },
    undecides: { 'oauth2.errors.unknown-client-invalid-client': NO_REFUSAL },
  },
  {
    name: 'unknown-client-500',
    description: 'unknown client_id → 500 unknown_error "OAuth2Clients module with id … is not found"',
    breaks: { 'oauth2.errors.unknown-client-invalid-client': /unknown client_id: expected HTTP 400\/401 with error=invalid_client, got HTTP 500/ },
    observed: `${OBS} §3.3`,
  },
  {
    name: 'basic-auth-failure-without-challenge',
    description: 'a failed HTTP Basic client authentication answers 401 without WWW-Authenticate',
    breaks: { 'oauth2.errors.basic-auth-challenge': /invalid_client without a WWW-Authenticate header/ },
  },
  {
    name: 'password-not-verified',
    description: 'the password grant accepts any password for a known user',
    breaks: { 'oauth2.errors.wrong-password-rejected': /a wrong password was accepted/ },
    undecides: { 'oauth2.errors.wrong-password-invalid-grant': NO_REFUSAL },
  },
  {
    name: 'wrong-password-500-echo',
    description: 'wrong password → 500 unknown_error "The password is invalid: <password as sent>"',
    breaks: {
      'oauth2.errors.wrong-password-invalid-grant': /wrong password: expected HTTP 400 with error=invalid_grant, got HTTP 500/,
      'security.disclosure.no-secret-echo': /echoes the submitted secret: wrong password/,
    },
    observed: `${OBS} §3.3`,
  },
  {
    name: 'unknown-user-500',
    description: 'unknown username → 500 unknown_error "No user found with this username: …"',
    breaks: { 'oauth2.errors.unknown-user-invalid-grant': /unknown username: expected HTTP 400 with error=invalid_grant, got HTTP 500/ },
    observed: `${OBS} §3.3`,
  },
  {
    name: 'refresh-token-not-verified',
    description: 'an undecodable refresh token is honoured with a new session for the client',
    breaks: { 'oauth2.errors.bad-refresh-token-rejected': /a made-up refresh token was accepted/ },
    undecides: { 'oauth2.errors.bad-refresh-token-invalid-grant': NO_REFUSAL },
  },
  {
    name: 'refresh-errors-401-invalid-request',
    description: 'bad, reused, foreign, revoked or expired refresh tokens → 401 invalid_request',
    breaks: {
      'oauth2.errors.bad-refresh-token-invalid-grant': /expected HTTP 400 with error=invalid_grant, got HTTP 401 .*invalid_request/,
      'oauth2.refresh.reuse-invalid-grant': /expected HTTP 400 with error=invalid_grant, got HTTP 401 .*invalid_request/,
      'oauth2.refresh.cross-client-invalid-grant': /expected HTTP 400 with error=invalid_grant, got HTTP 401 .*invalid_request/,
      'oauth2.expiry.refresh-token-expired-invalid-grant': /expected HTTP 400 with error=invalid_grant, got HTTP 401 .*invalid_request/,
    },
    observed: `${OBS} §3.4`,
  },
  {
    name: 'unknown-grant-invalid-request',
    description: 'an unknown grant_type answers 400 invalid_request',
    breaks: {
      'oauth2.errors.unsupported-grant-type': /expected HTTP 400 with error=unsupported_grant_type, got HTTP 400 .*error=invalid_request/,
      'oauth2.errors.unoffered-grant-unsupported': /expected HTTP 400 with error=unsupported_grant_type, got HTTP 400 .*error=invalid_request/,
    },
  },
  {
    name: 'missing-username-invalid-grant',
    description: 'a password grant without username answers 400 invalid_grant',
    breaks: { 'oauth2.errors.missing-parameter-invalid-request': /expected HTTP 400 with error=invalid_request, got HTTP 400 .*error=invalid_grant/ },
  },
  {
    name: 'missing-grant-type-unsupported',
    description: 'a request without grant_type answers unsupported_grant_type',
    breaks: { 'oauth2.errors.missing-grant-type-invalid-request': /expected HTTP 400 with error=invalid_request, got HTTP 400 .*error=unsupported_grant_type/ },
    observed: `${OBS} §3.3`,
  },
  {
    name: 'client-grant-restriction-ignored',
    description: 'a client may use grants it is not registered for',
    breaks: { 'oauth2.errors.grant-not-allowed-rejected': /a grant the client is not registered for was accepted/ },
    undecides: { 'oauth2.errors.grant-not-allowed-unauthorized-client': NO_REFUSAL },
  },
  {
    name: 'grant-not-allowed-invalid-client',
    description: 'a grant the client is not registered for answers 401 invalid_client',
    breaks: { 'oauth2.errors.grant-not-allowed-unauthorized-client': /expected HTTP 400 with error=unauthorized_client, got HTTP 401 .*error=invalid_client/ },
    observed: `${OBS} §3.1`,
  },
  {
    name: 'array-param-stack-trace',
    description: "client_id or client_secret sent as an array or object (client_id[]=x) → 500 with Slim's stack trace (HTML, or JSON when the request accepts JSON)",
    breaks: {
      'oauth2.errors.no-server-error': /server error for: client_id\[\]=x/,
      'security.disclosure.no-stack-trace': /a stack trace is disclosed for: client_id\[\]=x/,
    },
    observed: `${OBS} §3.3`,
  },
  // --- client authentication and encoding ---
  {
    name: 'basic-auth-unsupported',
    description: 'HTTP Basic client authentication is ignored',
    breaks: { 'oauth2.client-auth.basic-accepted': /client credentials sent with HTTP "Basic" were not accepted/ },
    undecides: { 'oauth2.errors.basic-auth-challenge': CONTROL },
  },
  {
    name: 'form-encoding-rejected',
    description: 'only JSON bodies are parsed at the token endpoint',
    breaks: { 'oauth2.client-auth.form-encoding-accepted': /form-encoded token request: expected a 2xx answer/ },
  },
  // --- expiry ---
  {
    name: 'access-token-never-expires',
    description: 'the resource API ignores exp',
    breaks: { 'oauth2.expiry.access-token-expires': /the expired access token was accepted/ },
    undecides: { 'oauth2.expiry.access-token-expired-challenge': /no refusal whose challenge could be judged/ },
  },
  {
    name: 'refresh-token-never-expires',
    description: 'refresh tokens are honoured past their lifetime',
    breaks: { 'oauth2.expiry.refresh-token-expires': /the expired refresh token was accepted/ },
    undecides: { 'oauth2.expiry.refresh-token-expired-invalid-grant': NO_REFUSAL },
  },
  // --- revocation ---
  {
    name: 'admin-revoke-ignored-by-api',
    description: 'the resource API ignores the admin\'s revoked flag',
    // Revoking or deleting a client revokes its tokens through the same flag.
    breaks: {
      'oauth2.revocation.admin-revokes-access-token': /the revoked access token was accepted/,
      'oauth2.revocation.client-revoke-kills-tokens': /the token of the revoked client was accepted/,
      'oauth2.revocation.client-deletion-revokes-tokens': /the deleted client's access token was accepted/,
      'security.revocation.client-revocation-kills-tokens': /access token 1 of the revoked client was accepted/,
    },
  },
  {
    name: 'admin-revoke-ignores-refresh',
    description: 'an admin-revoked token\'s refresh token still works',
    breaks: {
      'oauth2.revocation.admin-revokes-refresh-token': /the refresh token of a revoked token was accepted/,
      'security.revocation.client-revocation-kills-tokens': /refresh token 1 of the revoked client was accepted/,
    },
    observed: `${OBS} §3.4`,
  },
  {
    name: 'logout-keeps-access-token',
    description: 'logout answers 200 but the access token keeps working',
    breaks: { 'oauth2.revocation.logout-revokes-access-token': /the logged-out access token was accepted/ },
  },
  {
    name: 'logout-keeps-refresh-token',
    description: 'logout leaves the refresh token usable',
    breaks: { 'oauth2.revocation.logout-revokes-refresh-token': /the refresh token after logout was accepted/ },
  },
);
