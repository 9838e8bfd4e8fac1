import { check, test } from '../../../fixtures/check.js';
import { adminRevokesAccessToken } from '../../../src/checks/oauth2/revocation.js';
import { adminRevokedAccess } from '../../../fixtures/flows.js';

test(...check(adminRevokesAccessToken, adminRevokedAccess));
