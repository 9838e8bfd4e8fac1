import { faults } from './types.js';

const OBS = 'suitecrm-7.14-observed.md';

/** How protected resources treat bearer tokens (RFC 6750). */
export const BEARER_FAULTS = faults(
  {
    name: 'bearer-401-without-challenge',
    description: 'resource 401s carry no WWW-Authenticate and say access_denied in a JSON body',
    breaks: ['bearer.missing-token-challenge', 'bearer.invalid-token-challenge', 'oauth2.expiry.access-token-expired-challenge'],
    observed: `${OBS} §4`,
  },
  {
    name: 'invalid-token-challenge-without-error',
    description: 'the 401 for a bad token has a Bearer challenge without error="invalid_token"',
    breaks: ['bearer.invalid-token-challenge', 'oauth2.expiry.access-token-expired-challenge'],
  },
  {
    name: 'resource-open-without-token',
    description: 'a resource request without any credentials is answered with data',
    breaks: ['bearer.missing-token-401', 'bearer.missing-token-challenge', 'bearer.query-token-refused'],
  },
  {
    name: 'unsigned-token-accepted',
    description: 'a token that does not verify is accepted when it decodes as a JWT',
    breaks: [
      'bearer.invalid-token-401',
      'bearer.invalid-token-challenge',
      'security.tokens.alg-none-refused',
      'security.tokens.algorithm-confusion-refused',
      'security.tokens.signature-stripped-refused',
      'security.tokens.signature-altered-refused',
      'security.tokens.claim-tampered-refused',
      'security.tokens.injected-key-refused',
    ],
  },
  { name: 'malformed-authorization-500', description: 'an empty Bearer credential crashes the API (500)', breaks: ['bearer.malformed-authorization'] },
  { name: 'query-token-accepted', description: 'the resource API accepts ?access_token=', breaks: ['bearer.query-token-refused'] },
  {
    name: 'bearer-scheme-case-sensitive',
    description: '"bearer <token>" (lower case scheme) is refused',
    breaks: ['bearer.scheme-case-insensitive'],
    observed: `${OBS} §4`,
  },
  {
    name: 'bearer-raw-token-accepted',
    description: 'an Authorization header with the bare token and no scheme is accepted',
    breaks: ['bearer.raw-token-refused'],
    observed: `${OBS} §4`,
  },
  { name: 'refresh-token-accepted-as-bearer', description: 'a refresh token is accepted as a bearer access token', breaks: ['bearer.refresh-token-refused'] },
);
