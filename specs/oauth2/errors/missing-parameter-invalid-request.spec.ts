import { check, test } from '../../../fixtures/check.js';
import { missingParameterInvalidRequest } from '../../../src/checks/oauth2/errors.js';
import { passwordRequestWith } from '../../../fixtures/flows.js';

// RFC 6749 §4.3.2, §5.2
test(...check(missingParameterInvalidRequest, (h) => passwordRequestWith(h, (p) => delete p.username)));
