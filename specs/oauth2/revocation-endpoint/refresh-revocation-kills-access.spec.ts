import { check, test } from '../../../fixtures/check.js';
import { revokeRefreshThenUseAccess } from '../../../fixtures/revocation-endpoint.js';
import { refreshRevocationKillsAccess } from '../../../src/checks/oauth2/revocation-endpoint.js';

test(...check(refreshRevocationKillsAccess, revokeRefreshThenUseAccess));
