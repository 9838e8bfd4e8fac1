import { check, test } from '../../../fixtures/check.js';
import { newPkce, redeemWith } from '../../../fixtures/authorization-code.js';
import { pkceWrongVerifierRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 7636 §4.6
test(...check(pkceWrongVerifierRejected, (h) => redeemWith(h, { verifier: newPkce().verifier }, true)));
