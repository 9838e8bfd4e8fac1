import { check, test } from '../../../fixtures/check.js';
import { redeemWith } from '../../../fixtures/authorization-code.js';
import { codeRedirectMissingRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.3
test(...check(codeRedirectMissingRejected, (h) => redeemWith(h, { redirectUri: null })));
