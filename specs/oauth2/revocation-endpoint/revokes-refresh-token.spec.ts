import { check, test } from '../../../fixtures/check.js';
import { revokeRefresh } from '../../../fixtures/revocation-endpoint.js';
import { revokesRefreshToken } from '../../../src/checks/oauth2/revocation-endpoint.js';

test(...check(revokesRefreshToken, revokeRefresh));
