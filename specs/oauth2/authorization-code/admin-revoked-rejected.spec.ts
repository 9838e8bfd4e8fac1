import { check, test } from '../../../fixtures/check.js';
import { adminRevokedRedemption } from '../../../fixtures/authorization-code.js';
import { codeAdminRevokedRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.3, RFC 6749 §10.5
test(...check(codeAdminRevokedRejected, adminRevokedRedemption));
