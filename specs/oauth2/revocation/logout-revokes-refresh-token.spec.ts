import { check, test } from '../../../fixtures/check.js';
import { logoutRevokesRefreshToken } from '../../../src/checks/oauth2/revocation.js';
import { logoutEvidence } from '../../../fixtures/flows.js';

// RFC 7009 §2.1, RFC 9700 §4.14
test(...check(logoutRevokesRefreshToken, (h) => logoutEvidence(h, 'refresh')));
