import { check, test } from '../../../fixtures/check.js';
import { revokeAccess } from '../../../fixtures/revocation-endpoint.js';
import { revokesAccessToken } from '../../../src/checks/oauth2/revocation-endpoint.js';

// RFC 7009 §2, RFC 7009 §2.2
test(...check(revokesAccessToken, revokeAccess));
