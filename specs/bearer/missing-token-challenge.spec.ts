import { check, test } from '../../fixtures/check.js';
import { missingTokenChallenge } from '../../src/checks/bearer.js';
import { missingTokenEvidence } from '../../fixtures/flows.js';

test(...check(missingTokenChallenge, missingTokenEvidence));
