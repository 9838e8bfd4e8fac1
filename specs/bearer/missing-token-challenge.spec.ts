import { check, test } from '../../fixtures/check.js';
import { missingTokenChallenge } from '../../src/checks/bearer.js';

// RFC 6750 §3
test(...check(missingTokenChallenge, ({ api }) => api.probeWith({})));
