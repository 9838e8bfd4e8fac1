import { check, test } from '../../../fixtures/check.js';
import { logoutRevokesAccessToken } from '../../../src/checks/oauth2/revocation.js';
import { logoutEvidence } from '../../../fixtures/flows.js';

// RFC 7009 §2.2
test(...check(logoutRevokesAccessToken, (h) => logoutEvidence(h, 'access')));
