import { check, test } from '../../fixtures/check.js';
import { schemeCaseInsensitive } from '../../src/checks/bearer.js';

// RFC 6750 §2.1, RFC 9110 §11.1
test(...check(schemeCaseInsensitive, async ({ tokens, api }) =>
  api.probeWith({ authorization: `bearer ${(await tokens.access()).accessToken}` }),
));
