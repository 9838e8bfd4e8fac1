import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { claimTamperedRefused } from '../../../src/checks/security/tokens.js';

test(...check(claimTamperedRefused, (h) => forgeryEvidence(h, 'claim-tampered')));
