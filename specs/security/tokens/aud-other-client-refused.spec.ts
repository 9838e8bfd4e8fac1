import { check, test } from '../../../fixtures/check.js';
import { forgeryEvidence } from '../../../fixtures/forged-tokens.js';
import { audOtherClientRefused } from '../../../src/checks/security/tokens.js';

// RFC 7519 §4.1.3
test(...check(audOtherClientRefused, (h) => forgeryEvidence(h, 'aud-other-client')));
