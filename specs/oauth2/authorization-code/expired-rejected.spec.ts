import { check, test } from '../../../fixtures/check.js';
import { expiredCodeRedemption } from '../../../fixtures/authorization-code.js';
import { codeExpiredRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.2
test(...check(codeExpiredRejected, expiredCodeRedemption));
