import { check, test } from '../../../fixtures/check.js';
import { refreshReuseRejected } from '../../../src/checks/oauth2/refresh.js';
import { reuseEvidence } from '../../../fixtures/flows.js';

// RFC 9700 §4.14.2, RFC 6749 §10.4
test(...check(refreshReuseRejected, reuseEvidence));
