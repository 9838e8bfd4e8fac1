import { check, test } from '../../fixtures/check.js';
import { invalidToken401 } from '../../src/checks/bearer.js';
import { invalidTokensEvidence } from '../../fixtures/flows.js';

// RFC 6750 §3.1
test(...check(invalidToken401, invalidTokensEvidence));
