import { check, test } from '../../../fixtures/check.js';
import { adminRevokesAccessToken } from '../../../src/checks/oauth2/revocation.js';
import { adminRevokedAccess } from '../../../fixtures/flows.js';

// RFC 6749 §7, RFC 6750 §3.1, RFC 9700 §4.14
test(...check(adminRevokesAccessToken, adminRevokedAccess));
