import { check, test } from '../../fixtures/check.js';
import { missingTokenChallenge } from '../../src/checks/bearer.js';
import { missingTokenEvidence } from '../../fixtures/flows.js';

// RFC 6750 §3
test(...check(missingTokenChallenge, missingTokenEvidence));
