import { check, test } from '../../../fixtures/check.js';
import { grantNotAllowedUnauthorizedClient } from '../../../src/checks/oauth2/errors.js';
import { grantNotAllowed } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(grantNotAllowedUnauthorizedClient, grantNotAllowed));
