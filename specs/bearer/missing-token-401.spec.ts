import { check, test } from '../../fixtures/check.js';
import { missingToken401 } from '../../src/checks/bearer.js';
import { missingTokenEvidence } from '../../fixtures/flows.js';

// RFC 6750 §3.1
test(...check(missingToken401, missingTokenEvidence));
