import { check, test } from '../../../fixtures/check.js';
import { refusedCallbackEvidence } from '../../../fixtures/authorization-code.js';
import { errorRedirect } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(errorRedirect, (h) => refusedCallbackEvidence(h, { responseType: 'bogus' })));
