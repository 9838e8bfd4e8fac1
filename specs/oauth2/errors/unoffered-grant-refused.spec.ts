import { check, test } from '../../../fixtures/check.js';
import { unofferedGrantRefused } from '../../../src/checks/oauth2/grant-offer.js';
import { unofferedGrantRequest } from '../../../fixtures/dialects.js';

// RFC 6749 §5.2, RFC 6749 §4.4
test(...check(unofferedGrantRefused, unofferedGrantRequest));
