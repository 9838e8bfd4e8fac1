import { check, test } from '../../../fixtures/check.js';
import { codeTokenResponse } from '../../../fixtures/authorization-code.js';
import { codeNoStore } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeNoStore, codeTokenResponse));
