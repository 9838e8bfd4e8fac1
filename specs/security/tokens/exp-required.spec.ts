import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { expRequired } from '../../../src/checks/security/tokens.js';

test(...check(expRequired, (h) => forgeryEvidence(h, 'exp-missing')));
