import { check, test } from '../../../fixtures/check.js';
import { refusedCallbackEvidence } from '../../../fixtures/authorization-code.js';
import { errorRedirect } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.2.1
test(...check(errorRedirect, (h) => refusedCallbackEvidence(h, { responseType: 'bogus' })));
