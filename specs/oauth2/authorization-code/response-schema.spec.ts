import { check, test } from '../../../fixtures/check.js';
import { codeTokenResponse } from '../../../fixtures/authorization-code.js';
import { codeResponseSchema } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.4, RFC 6749 §5.1
test(...check(codeResponseSchema, codeTokenResponse));
