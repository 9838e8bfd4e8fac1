import { check, test } from '../../../fixtures/check.js';
import { unofferedGrantRefused } from '../../../src/checks/oauth2/grant-offer.js';
import { unofferedGrantRequest } from '../../../fixtures/dialects.js';

test(...check(unofferedGrantRefused, unofferedGrantRequest));
