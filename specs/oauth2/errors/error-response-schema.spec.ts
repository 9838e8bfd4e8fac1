import { check, test } from '../../../fixtures/check.js';
import { errorResponseSchema } from '../../../src/checks/oauth2/errors.js';
import { tokenRequestWith } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(errorResponseSchema, async (h) => [
  await tokenRequestWith(h, (p) => delete p.client_id),
  await tokenRequestWith(h, (p) => (p.grant_type = 'urn:example:no-such-grant')),
  // A required parameter of the grant itself: the password grant's username.
  ...(h.tokens.directParams().username !== undefined ? [await tokenRequestWith(h, (p) => delete p.username)] : []),
]));
