import { check, test } from '../../../fixtures/check.js';
import { unofferedGrantUnsupported } from '../../../src/checks/oauth2/grant-offer.js';
import { unofferedGrantRequest } from '../../../fixtures/dialects.js';

// RFC 6749 §5.2
test(...check(unofferedGrantUnsupported, unofferedGrantRequest));
