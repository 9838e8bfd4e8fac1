import { check, test } from '../../fixtures/check.js';
import { invalidTokenError } from '../../src/checks/bearer.js';
import { invalidTokensEvidence } from '../../fixtures/flows.js';

test(...check(invalidTokenError, invalidTokensEvidence));
