import { check, test } from '../../../fixtures/check.js';
import { wrongPasswordInvalidGrant } from '../../../src/checks/oauth2/errors.js';
import { passwordRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(wrongPasswordInvalidGrant, (h) => passwordRefusal(h, (p) => (p.password = `${p.password}-wrong`))));
