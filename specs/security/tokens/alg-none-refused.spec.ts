import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { algNoneRefused } from '../../../src/checks/security/tokens.js';

test(...check(algNoneRefused, (h) => forgeryEvidence(h, 'alg-none')));
