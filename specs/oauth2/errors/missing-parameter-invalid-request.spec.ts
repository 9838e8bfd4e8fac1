import { check, test } from '../../../fixtures/check.js';
import { missingParameterInvalidRequest } from '../../../src/checks/oauth2/errors.js';
import { passwordRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §5.2, RFC 6749 §4.3.2
test(...check(missingParameterInvalidRequest, (h) => passwordRefusal(h, (p) => delete p.username)));
