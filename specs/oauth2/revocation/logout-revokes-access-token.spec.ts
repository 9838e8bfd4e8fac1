import { check, test } from '../../../fixtures/check.js';
import { logoutRevokesAccessToken } from '../../../src/checks/oauth2/revocation.js';
import { logoutEvidence } from '../../../fixtures/flows.js';

// RFC 6749 §7, RFC 6750 §3.1
test(...check(logoutRevokesAccessToken, (h) => logoutEvidence(h, 'access')));
