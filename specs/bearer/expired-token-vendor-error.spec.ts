import { check, test } from '../../fixtures/check.js';
import { expiredTokenVendorError } from '../../src/checks/bearer-vendor.js';
import { expiredTokenAnswer } from '../../fixtures/dialects.js';

test(...check(expiredTokenVendorError, expiredTokenAnswer));
