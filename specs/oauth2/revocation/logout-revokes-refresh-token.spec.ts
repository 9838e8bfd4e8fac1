import { check, test } from '../../../fixtures/check.js';
import { logoutRevokesRefreshToken } from '../../../src/checks/oauth2/revocation.js';
import { logoutEvidence } from '../../../fixtures/flows.js';

test(...check(logoutRevokesRefreshToken, (h) => logoutEvidence(h, 'refresh')));
