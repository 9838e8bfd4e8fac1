import { check, test } from '../../fixtures/check.js';
import { expiredTokenVendorError } from '../../src/checks/bearer-vendor.js';
import { expiredTokenAnswer } from '../../fixtures/dialects.js';

// Vendor: Flexie CRM API (Invalid Token Error), RFC 6750 §3.1
test(...check(expiredTokenVendorError, expiredTokenAnswer));
