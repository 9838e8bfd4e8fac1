import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { signatureStrippedRefused } from '../../../src/checks/security/tokens.js';

// RFC 8725 §3.3, RFC 7519 §7.2, RFC 7515 §5.2
test(...check(signatureStrippedRefused, (h) => forgeryEvidence(h, 'signature-stripped')));
