import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { expRequired } from '../../../src/checks/security/tokens.js';

// RFC 9068 §4, RFC 9068 §2.2, RFC 7519 §4.1.4
test(...check(expRequired, (h) => forgeryEvidence(h, 'exp-missing')));
