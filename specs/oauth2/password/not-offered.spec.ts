import { check, test } from '../../../fixtures/check.js';
import { passwordGrantNotOffered } from '../../../src/checks/oauth2/grant-offer.js';
import { passwordGrantRequest } from '../../../fixtures/dialects.js';

test(...check(passwordGrantNotOffered, passwordGrantRequest));
