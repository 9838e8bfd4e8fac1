import { check, test } from '../../../fixtures/check.js';
import { refreshRotation } from '../../../src/checks/oauth2/refresh.js';
import { reuseEvidence } from '../../../fixtures/flows.js';

test(...check(refreshRotation, reuseEvidence));
