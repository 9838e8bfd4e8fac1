import { check, test } from '../../../fixtures/check.js';
import { revokeRefreshThenUseAccess } from '../../../fixtures/revocation-endpoint.js';
import { refreshRevocationKillsAccess } from '../../../src/checks/oauth2/revocation-endpoint.js';

// RFC 7009 §2.1: revoking the refresh token ends the grant's access token too
test(...check(refreshRevocationKillsAccess, revokeRefreshThenUseAccess));
