import { check, test } from '../../../fixtures/check.js';
import { errorResponseSchema } from '../../../src/checks/oauth2/errors.js';
import { passwordRequestWith } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(errorResponseSchema, async (h) => [
  await passwordRequestWith(h, (p) => delete p.client_id),
  await passwordRequestWith(h, (p) => (p.grant_type = 'urn:example:no-such-grant')),
  await passwordRequestWith(h, (p) => delete p.username),
]));
