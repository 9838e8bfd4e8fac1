import { check, test } from '../../../fixtures/check.js';
import { revokeRefreshThenUseAccess } from '../../../fixtures/revocation-endpoint.js';
import { refreshRevocationKillsAccess } from '../../../src/checks/oauth2/revocation-endpoint.js';

// RFC 7009 §2.1
test(...check(refreshRevocationKillsAccess, revokeRefreshThenUseAccess));
