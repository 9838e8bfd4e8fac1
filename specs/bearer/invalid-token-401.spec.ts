import { check, test } from '../../fixtures/check.js';
import { invalidToken401 } from '../../src/checks/bearer.js';
import { invalidTokensEvidence } from '../../fixtures/flows.js';

test(...check(invalidToken401, invalidTokensEvidence));
