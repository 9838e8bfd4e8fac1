import { check, test } from '../../../fixtures/check.js';
import { passwordGrantNotOffered } from '../../../src/checks/oauth2/grant-offer.js';
import { passwordGrantRequest } from '../../../fixtures/dialects.js';

// RFC 9700 §2.4, RFC 6749 §10.7
test(...check(passwordGrantNotOffered, passwordGrantRequest));
