import { check, test } from '../../fixtures/check.js';
import { invalidTokenError } from '../../src/checks/bearer.js';
import { invalidTokensEvidence } from '../../fixtures/flows.js';

// RFC 6750 §3, RFC 6750 §3.1
test(...check(invalidTokenError, invalidTokensEvidence));
