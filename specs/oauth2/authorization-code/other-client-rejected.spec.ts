import { check, test } from '../../../fixtures/check.js';
import { otherClientRedemption } from '../../../fixtures/authorization-code.js';
import { codeOtherClientRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.3
test(...check(codeOtherClientRejected, otherClientRedemption));
