import { check, test } from '../../fixtures/check.js';
import { rawTokenRefused } from '../../src/checks/bearer.js';

// RFC 6750 §2.1
test(...check(rawTokenRefused, async ({ tokens, api }) => api.probeWith({ authorization: (await tokens.access()).accessToken })));
