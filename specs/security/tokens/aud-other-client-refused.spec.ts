import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { audOtherClientRefused } from '../../../src/checks/security/tokens.js';

test(...check(audOtherClientRefused, (h) => forgeryEvidence(h, 'aud-other-client')));
