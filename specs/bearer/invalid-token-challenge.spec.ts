import { check, test } from '../../fixtures/check.js';
import { invalidTokenChallenge } from '../../src/checks/bearer.js';

// RFC 6750 §3.1
test(...check(invalidTokenChallenge, ({ api }) => api.probe('abc.def.ghi')));
