import { check, test } from '../../../fixtures/check.js';
import { errorResponseSchema } from '../../../src/checks/oauth2/errors.js';
import { tokenRequestWith } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(errorResponseSchema, async (h) => {
  const base = h.tokens.directParams();
  return [
    await tokenRequestWith(h, (p) => delete p.client_id, base),
    await tokenRequestWith(h, (p) => (p.grant_type = 'urn:example:no-such-grant'), base),
    // A required parameter of the grant itself: the password grant's username.
    ...(base.username !== undefined ? [await tokenRequestWith(h, (p) => delete p.username, base)] : []),
  ];
}));
