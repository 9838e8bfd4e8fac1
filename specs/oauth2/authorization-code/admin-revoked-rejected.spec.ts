import { check, test } from '../../../fixtures/check.js';
import { adminRevokedRedemption } from '../../../fixtures/authorization-code.js';
import { codeAdminRevokedRejected } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeAdminRevokedRejected, adminRevokedRedemption));
