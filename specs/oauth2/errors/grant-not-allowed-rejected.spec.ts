import { check, test } from '../../../fixtures/check.js';
import { grantNotAllowedRejected } from '../../../src/checks/oauth2/errors.js';
import { grantNotAllowed } from '../../../fixtures/flows.js';

test(...check(grantNotAllowedRejected, grantNotAllowed));
