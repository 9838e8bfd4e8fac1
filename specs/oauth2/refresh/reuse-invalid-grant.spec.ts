import { check, test } from '../../../fixtures/check.js';
import { refreshReuseInvalidGrant } from '../../../src/checks/oauth2/refresh.js';
import { reuseEvidence } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(refreshReuseInvalidGrant, reuseEvidence));
