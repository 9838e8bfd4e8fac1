import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { nbfFutureRefused } from '../../../src/checks/security/tokens.js';

// RFC 7519 §4.1.5
test(...check(nbfFutureRefused, (h) => forgeryEvidence(h, 'nbf-future')));
