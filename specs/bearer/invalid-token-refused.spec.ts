import { check, test } from '../../fixtures/check.js';
import { invalidTokenRefused } from '../../src/checks/bearer.js';
import { invalidTokensEvidence } from '../../fixtures/flows.js';

// RFC 6749 §7, RFC 6750 §3.1
test(...check(invalidTokenRefused, invalidTokensEvidence));
