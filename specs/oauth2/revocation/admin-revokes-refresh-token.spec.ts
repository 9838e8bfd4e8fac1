import { check, test } from '../../../fixtures/check.js';
import { adminRevokesRefreshToken } from '../../../src/checks/oauth2/revocation.js';
import { adminRevokedRefresh } from '../../../fixtures/flows.js';

test(...check(adminRevokesRefreshToken, adminRevokedRefresh));
