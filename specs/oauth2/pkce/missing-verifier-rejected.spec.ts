import { check, test } from '../../../fixtures/check.js';
import { redeemWith } from '../../../fixtures/authorization-code.js';
import { pkceMissingVerifierRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 7636 §4.5, RFC 7636 §4.6, RFC 9700 §2.1.1
test(...check(pkceMissingVerifierRejected, (h) => redeemWith(h, { verifier: null }, true)));
