import { check, test } from '../../../fixtures/check.js';
import { passwordGrantNotOffered } from '../../../src/checks/oauth2/grant-offer.js';
import { passwordGrantRequest } from '../../../fixtures/dialects.js';

// RFC 9700 §2.4: the password grant MUST NOT be used (advisory; a finding where the profile offers it)
test(...check(passwordGrantNotOffered, passwordGrantRequest));
