import { check, test } from '../../../fixtures/check.js';
import { refusedCallbackEvidence } from '../../../fixtures/authorization-code.js';
import { accessDenied } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.2.1
test(...check(accessDenied, (h) => refusedCallbackEvidence(h, { decision: 'deny' })));
