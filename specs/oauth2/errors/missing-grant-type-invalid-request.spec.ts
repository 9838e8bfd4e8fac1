import { check, test } from '../../../fixtures/check.js';
import { missingGrantTypeInvalidRequest } from '../../../src/checks/oauth2/errors.js';
import { passwordRequestWith } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(missingGrantTypeInvalidRequest, (h) => passwordRequestWith(h, (p) => delete p.grant_type)));
