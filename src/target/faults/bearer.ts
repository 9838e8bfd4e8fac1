import { CONTROL, faults } from './types.js';
import { SIGNATURE_FORGERIES } from './oauth2.js';

const OBS = 'suitecrm-7.14-observed.md';
/** How protected resources treat bearer tokens (RFC 6750). */
export const BEARER_FAULTS = faults(
  {
    name: 'bearer-401-without-challenge',
    description: 'resource 401s carry no WWW-Authenticate and say access_denied in a JSON body',
    breaks: {
      'bearer.missing-token-challenge': /HTTP 401 without a WWW-Authenticate header/,
      'bearer.invalid-token-challenge': /HTTP 401 without a WWW-Authenticate header/,
      'oauth2.expiry.access-token-expired-challenge': /HTTP 401 without a WWW-Authenticate header/,
    },
    // No challenge, so no error attribute to look in: that is the challenge checks' finding.
    undecides: { 'bearer.invalid-token-error': /no challenge with the "Bearer" scheme/ },
    observed: `${OBS} §4`,
  },
  {
    name: 'invalid-token-challenge-without-error',
    description: 'the 401 for a bad token has a Bearer challenge without error="invalid_token"',
    breaks: { 'bearer.invalid-token-error': /the challenge carries no error attribute, expected error="invalid_token"/ },
  },
  {
    name: 'resource-refusals-403',
    description: 'missing and invalid tokens are refused with 403 instead of 401 (a refusal all the same)',
    breaks: {
      'bearer.missing-token-401': /a request without credentials: expected HTTP 401, got HTTP 403/,
      'bearer.invalid-token-401': /expected HTTP 401, got HTTP 403/,
      'security.tokens.refusal-401': /expected HTTP 401, got HTTP 403/,
      // A comma list after "Bearer" reads as one (invalid) token here.
      'bearer.malformed-authorization': /a comma list after "Bearer": expected HTTP 400 or 401, got HTTP 403/,
    },
  },
  {
    name: 'resource-open-without-token',
    description: 'a resource request without any credentials is answered with data',
    breaks: { 'bearer.missing-token-challenge': /HTTP 200 without a WWW-Authenticate header/ },
    undecides: {
      'bearer.missing-token-401': /was accepted .*no refusal/,
      'bearer.query-token-refused': CONTROL,
      'bearer.raw-token-refused': CONTROL,
    },
  },
  {
    name: 'unsigned-token-accepted',
    description: 'a token that does not verify is accepted when it decodes as a JWT',
    breaks: {
      'bearer.invalid-token-refused': /a token with a changed signature was accepted/,
      ...Object.fromEntries(SIGNATURE_FORGERIES.map((id) => [id, /a token with .* was accepted/])),
    },
    undecides: { 'bearer.invalid-token-challenge': /no refusal whose challenge could be judged/ },
  },
  {
    name: 'malformed-authorization-500',
    description: 'an empty Bearer credential crashes the API (500)',
    breaks: { 'bearer.malformed-authorization': /an empty credential after "Bearer": expected HTTP 400 or 401, got HTTP 500/ },
  },
  { name: 'query-token-accepted', description: 'the resource API accepts ?access_token=', breaks: { 'bearer.query-token-refused': /a token in \?access_token= was accepted/ } },
  {
    name: 'bearer-scheme-case-sensitive',
    description: '"bearer <token>" (lower case scheme) is refused',
    breaks: { 'bearer.scheme-case-insensitive': /"bearer" in lower case: expected a 2xx answer/ },
    observed: `${OBS} §4`,
  },
  {
    name: 'bearer-raw-token-accepted',
    description: 'an Authorization header with the bare token and no scheme is accepted',
    breaks: { 'bearer.raw-token-refused': /an Authorization header with no scheme was accepted/ },
    observed: `${OBS} §4`,
  },
  {
    name: 'refresh-token-accepted-as-bearer',
    description: 'a refresh token is accepted as a bearer access token',
    breaks: { 'bearer.refresh-token-refused': /the refresh token as a bearer token was accepted/ },
  },
);
