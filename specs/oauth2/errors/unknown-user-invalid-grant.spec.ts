import { check, test } from '../../../fixtures/check.js';
import { unknownUserInvalidGrant } from '../../../src/checks/oauth2/errors.js';
import { passwordRequestWith, unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(unknownUserInvalidGrant, (h) => passwordRequestWith(h, (p) => (p.username = unknownName('user')))));
