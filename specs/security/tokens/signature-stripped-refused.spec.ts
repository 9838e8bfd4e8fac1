import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { signatureStrippedRefused } from '../../../src/checks/security/tokens.js';

test(...check(signatureStrippedRefused, (h) => forgeryEvidence(h, 'signature-stripped')));
