import { check, test } from '../../../fixtures/check.js';
import { redeemWith } from '../../../fixtures/authorization-code.js';
import { pkceMissingVerifierRejected } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(pkceMissingVerifierRejected, (h) => redeemWith(h, { verifier: null }, true)));
