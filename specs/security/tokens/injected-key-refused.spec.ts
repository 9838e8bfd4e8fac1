import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { injectedKeyRefused } from '../../../src/checks/security/tokens.js';

// RFC 9068 §4, RFC 8725 §3.10, RFC 7515 §4.1.3
test(...check(injectedKeyRefused, (h) => forgeryEvidence(h, 'injected-key')));
