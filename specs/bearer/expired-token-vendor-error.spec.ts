import { check, test } from '../../fixtures/check.js';
import { expiredTokenVendorError } from '../../src/checks/bearer-vendor.js';
import { expiredTokenAnswer } from '../../fixtures/dialects.js';

// RFC 6750 §3.1; Flexie CRM API: "Invalid Token Error" after expiry
test(...check(expiredTokenVendorError, expiredTokenAnswer));
