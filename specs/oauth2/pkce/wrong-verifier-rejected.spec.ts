import { check, test } from '../../../fixtures/check.js';
import { newPkce, redeemWith } from '../../../fixtures/authorization-code.js';
import { pkceWrongVerifierRejected } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(pkceWrongVerifierRejected, (h) => redeemWith(h, { verifier: newPkce().verifier }, true)));
