import { check, test } from '../../../fixtures/check.js';
import { refreshRotation } from '../../../src/checks/oauth2/refresh.js';
import { reuseEvidence } from '../../../fixtures/flows.js';

// RFC 6749 §6, RFC 9700 §4.14.2
test(...check(refreshRotation, reuseEvidence));
