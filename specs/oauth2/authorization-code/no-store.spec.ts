import { check, test } from '../../../fixtures/check.js';
import { codeTokenResponse } from '../../../fixtures/authorization-code.js';
import { codeNoStore } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §5.1, RFC 9111 §5.4
test(...check(codeNoStore, codeTokenResponse));
