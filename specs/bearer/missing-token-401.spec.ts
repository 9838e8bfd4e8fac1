import { check, test } from '../../fixtures/check.js';
import { missingToken401 } from '../../src/checks/bearer.js';
import { missingTokenEvidence } from '../../fixtures/flows.js';

test(...check(missingToken401, missingTokenEvidence));
