import { check, test } from '../../../fixtures/check.js';
import { redeemWith } from '../../../fixtures/authorization-code.js';
import { codeRedirectMissingRejected } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeRedirectMissingRejected, (h) => redeemWith(h, { redirectUri: null })));
