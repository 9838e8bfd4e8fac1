import { check, test } from '../../../fixtures/check.js';
import { refreshReuseInvalidGrant } from '../../../src/checks/oauth2/refresh.js';
import { reuseEvidence } from '../../../fixtures/flows.js';

// RFC 9700 §4.14.2, RFC 6749 §6
test(...check(refreshReuseInvalidGrant, reuseEvidence));
