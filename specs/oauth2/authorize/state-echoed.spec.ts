import { check, test } from '../../../fixtures/check.js';
import { callbackEvidence } from '../../../fixtures/authorization-code.js';
import { stateEchoed } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.2, RFC 6749 §10.12
test(...check(stateEchoed, (h) => callbackEvidence(h)));
