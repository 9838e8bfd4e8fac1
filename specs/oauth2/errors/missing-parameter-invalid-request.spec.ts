import { check, test } from '../../../fixtures/check.js';
import { missingParameterInvalidRequest } from '../../../src/checks/oauth2/errors.js';
import { passwordRefusal } from '../../../fixtures/flows.js';

test(...check(missingParameterInvalidRequest, (h) => passwordRefusal(h, (p) => delete p.username)));
