import { check, test } from '../../../fixtures/check.js';
import { unknownUserInvalidGrant } from '../../../src/checks/oauth2/errors.js';
import { passwordRefusal, unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(unknownUserInvalidGrant, (h) => passwordRefusal(h, (p) => (p.username = unknownName('user')))));
