import { check, test } from '../../../fixtures/check.js';
import { refusedCallbackEvidence } from '../../../fixtures/authorization-code.js';
import { accessDenied } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(accessDenied, (h) => refusedCallbackEvidence(h, { decision: 'deny' })));
