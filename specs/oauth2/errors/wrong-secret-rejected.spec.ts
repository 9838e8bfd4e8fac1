import { check, test } from '../../../fixtures/check.js';
import { wrongSecretRejected } from '../../../src/checks/oauth2/errors.js';
import { passwordRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §4.3.2, RFC 6749 §2.3.1
test(...check(wrongSecretRejected, (h) => passwordRefusal(h, (p) => (p.client_secret = `${p.client_secret}-wrong`))));
