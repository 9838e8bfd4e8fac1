import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { signatureAlteredRefused } from '../../../src/checks/security/tokens.js';

test(...check(signatureAlteredRefused, (h) => forgeryEvidence(h, 'signature-altered')));
