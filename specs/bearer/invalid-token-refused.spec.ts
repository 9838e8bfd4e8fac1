import { check, test } from '../../fixtures/check.js';
import { invalidTokenRefused } from '../../src/checks/bearer.js';
import { invalidTokensEvidence } from '../../fixtures/flows.js';

test(...check(invalidTokenRefused, invalidTokensEvidence));
