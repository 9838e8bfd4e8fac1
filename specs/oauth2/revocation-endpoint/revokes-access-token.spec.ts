import { check, test } from '../../../fixtures/check.js';
import { revokeAccess } from '../../../fixtures/revocation-endpoint.js';
import { revokesAccessToken } from '../../../src/checks/oauth2/revocation-endpoint.js';

// RFC 7009 §2: a revoked access token is refused by the API
test(...check(revokesAccessToken, revokeAccess));
