import { check, test } from '../../../fixtures/check.js';
import { wrongPasswordRejected } from '../../../src/checks/oauth2/errors.js';
import { passwordRefusal } from '../../../fixtures/flows.js';

test(...check(wrongPasswordRejected, (h) => passwordRefusal(h, (p) => (p.password = `${p.password}-wrong`))));
