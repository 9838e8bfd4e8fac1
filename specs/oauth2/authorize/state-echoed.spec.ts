import { check, test } from '../../../fixtures/check.js';
import { callbackEvidence } from '../../../fixtures/authorization-code.js';
import { stateEchoed } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(stateEchoed, (h) => callbackEvidence(h)));
