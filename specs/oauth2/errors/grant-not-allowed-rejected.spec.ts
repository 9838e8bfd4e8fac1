import { check, test } from '../../../fixtures/check.js';
import { grantNotAllowedRejected } from '../../../src/checks/oauth2/errors.js';
import { grantNotAllowed } from '../../../fixtures/flows.js';

// RFC 6749 §5.2, RFC 7591 §2
test(...check(grantNotAllowedRejected, grantNotAllowed));
