import { check, test } from '../../../fixtures/check.js';
import { logoutRevokesAccessToken } from '../../../src/checks/oauth2/revocation.js';
import { logoutEvidence } from '../../../fixtures/flows.js';

test(...check(logoutRevokesAccessToken, (h) => logoutEvidence(h, 'access')));
