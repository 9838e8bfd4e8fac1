import { faults } from './types.js';

const OBS = 'suitecrm-7.14-observed.md';
const T = 'security.tokens';

/** Forged and tampered tokens at the bearer middleware (RFC 8725). */
export const SECURITY_FAULTS = faults(
  { name: 'bearer-alg-none-accepted', description: 'a token with alg "none" is accepted (looked up by jti)', breaks: { [`${T}.alg-none-refused`]: /a token with alg "[nN]one".* was accepted/ } },
  {
    name: 'bearer-hs256-public-key-accepted',
    description: 'an HS256 token keyed with the RSA public key is accepted (algorithm confusion)',
    breaks: { [`${T}.algorithm-confusion-refused`]: /a token with HS256 keyed with the RSA public key was accepted/ },
  },
  { name: 'bearer-empty-signature-accepted', description: 'an RS256 token with an empty signature is accepted', breaks: { [`${T}.signature-stripped-refused`]: /a token with an empty signature was accepted/ } },
  {
    name: 'bearer-signature-compared-not-verified',
    description: 'the signature is compared with the issued token of the same jti instead of verified over the presented claims',
    breaks: { [`${T}.claim-tampered-refused`]: /a token with (sub|exp) .*not re-signed was accepted/ },
  },
  {
    name: 'bearer-embedded-jwk-trusted',
    description: "a token is verified with the jwk its own header carries",
    breaks: { [`${T}.injected-key-refused`]: /a token with an embedded attacker jwk was accepted/ },
  },
  {
    name: 'bearer-jku-trusted',
    description: "a token is verified with the key set its own jku header names (fetched; loopback URLs only)",
    breaks: { [`${T}.injected-key-refused`]: /a token with a jku naming an attacker key set was accepted/ },
  },
  {
    name: 'bearer-kid-file-trusted',
    description: 'an HS256 token is verified with the file its kid names (/dev/null = empty key)',
    breaks: { [`${T}.injected-key-refused`]: /a token with kid "\/dev\/null" .*was accepted/ },
  },
  { name: 'bearer-nbf-ignored', description: 'nbf is not checked', breaks: { [`${T}.nbf-future-refused`]: /a token with nbf an hour ahead .*was accepted/ } },
  {
    name: 'bearer-aud-not-checked',
    description: 'a validly signed token is accepted whatever its aud (looked up by jti)',
    breaks: { [`${T}.aud-other-client-refused`]: /a token with aud of another client .*was accepted/ },
    observed: `${OBS} §4`,
  },
  {
    name: 'bearer-exp-optional',
    description: 'a validly signed token without exp is accepted (looked up by jti)',
    breaks: { [`${T}.exp-required`]: /a token with no exp .*was accepted/ },
    observed: `${OBS} §4`,
  },
  {
    name: 'admin-client-revoke-newest-only',
    description: "revoking a client revokes only its newest token",
    breaks: { 'security.revocation.client-revocation-kills-tokens': /access token 1 of the revoked client was accepted/ },
  },
  {
    name: 'cors-wildcard',
    description: 'every /Api response carries Access-Control-Allow-Origin: *',
    breaks: { 'security.cors.no-wildcard': /Access-Control-Allow-Origin: \* on/ },
    observed: `${OBS} §2`,
  },
  {
    name: 'oauth2-clients-listable-by-users',
    description: 'any user lists the OAuth2Clients module through the resource API (names, grants, users; no secrets)',
    breaks: { 'security.disclosure.oauth2-clients-admin-only': /a non-admin user listed the OAuth2 clients/ },
    observed: `${OBS} §5.10`,
  },
  {
    name: 'oauth2-tokens-listable-by-users',
    description: "any user lists the OAuth2Tokens module: every user's token rows, clients and expiry (no token values)",
    breaks: { 'security.disclosure.oauth2-tokens-admin-only': /token row\(s\) of other users/ },
    observed: `${OBS} §5.10`,
  },
  {
    name: 'user-preferences-readable-by-others',
    description: "any user reads another user's preferences at /V8/user-preferences/{id}",
    breaks: { 'security.disclosure.user-preferences-private': /read another user's preferences/ },
    observed: `${OBS} §5.10`,
  },
  {
    name: 'error-body-stack-trace',
    description: 'a token request with an array parameter gets a 400 whose HTML body holds a stack trace',
    breaks: { 'security.disclosure.no-stack-trace': /a stack trace is disclosed for: client_id\[\]=x/ },
  },
);
