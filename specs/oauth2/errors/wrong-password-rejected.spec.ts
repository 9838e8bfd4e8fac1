import { check, test } from '../../../fixtures/check.js';
import { wrongPasswordRejected } from '../../../src/checks/oauth2/errors.js';
import { passwordRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §4.3.2
test(...check(wrongPasswordRejected, (h) => passwordRefusal(h, (p) => (p.password = `${p.password}-wrong`))));
