import { check, test } from '../../../fixtures/check.js';
import { logoutRevokesRefreshToken } from '../../../src/checks/oauth2/revocation.js';
import { logoutEvidence } from '../../../fixtures/flows.js';

// RFC 9700 §4.14.2, RFC 6749 §6
test(...check(logoutRevokesRefreshToken, (h) => logoutEvidence(h, 'refresh')));
