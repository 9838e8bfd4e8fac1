import { check, test } from '../../../fixtures/check.js';
import { codeClient, redeemWith, suffixed } from '../../../fixtures/authorization-code.js';
import { codeRedirectMismatchRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.3
test(...check(codeRedirectMismatchRejected, (h) => redeemWith(h, { redirectUri: suffixed(codeClient(h).redirectUri) })));
