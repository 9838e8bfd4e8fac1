import { check, test } from '../../../fixtures/check.js';
import { expiredCodeRedemption } from '../../../fixtures/authorization-code.js';
import { codeExpiredRejected } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeExpiredRejected, expiredCodeRedemption));
