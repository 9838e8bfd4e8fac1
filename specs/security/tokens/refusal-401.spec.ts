import { check, test } from '../../../fixtures/check.js';
import { allForgeries } from '../../../fixtures/forged-tokens.js';
import { forgeryRefusal401 } from '../../../src/checks/security/tokens.js';

// RFC 6750 §3.1
test(...check(forgeryRefusal401, allForgeries));
