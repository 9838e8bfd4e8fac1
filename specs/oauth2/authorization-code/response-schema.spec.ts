import { check, test } from '../../../fixtures/check.js';
import { codeTokenResponse } from '../../../fixtures/authorization-code.js';
import { codeResponseSchema } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeResponseSchema, codeTokenResponse));
