import { check, test } from '../../../fixtures/check.js';
import { revokeAccess } from '../../../fixtures/revocation-endpoint.js';
import { revokesAccessToken } from '../../../src/checks/oauth2/revocation-endpoint.js';

test(...check(revokesAccessToken, revokeAccess));
