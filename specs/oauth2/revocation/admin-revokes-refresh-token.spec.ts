import { check, test } from '../../../fixtures/check.js';
import { adminRevokesRefreshToken } from '../../../src/checks/oauth2/revocation.js';
import { adminRevokedRefresh } from '../../../fixtures/flows.js';

// RFC 6749 §6, RFC 6749 §10.4, RFC 9700 §4.14
test(...check(adminRevokesRefreshToken, adminRevokedRefresh));
