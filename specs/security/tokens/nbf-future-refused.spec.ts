import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { nbfFutureRefused } from '../../../src/checks/security/tokens.js';

test(...check(nbfFutureRefused, (h) => forgeryEvidence(h, 'nbf-future')));
