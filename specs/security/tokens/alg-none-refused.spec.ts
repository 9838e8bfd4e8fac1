import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { algNoneRefused } from '../../../src/checks/security/tokens.js';

// RFC 9068 §4, RFC 8725 §3.1, RFC 8725 §2.1
test(...check(algNoneRefused, (h) => forgeryEvidence(h, 'alg-none')));
