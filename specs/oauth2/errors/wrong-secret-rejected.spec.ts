import { check, test } from '../../../fixtures/check.js';
import { wrongSecretRejected } from '../../../src/checks/oauth2/errors.js';
import { tokenRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §4.3.2, RFC 6749 §2.3.1
test(...check(wrongSecretRejected, (h) => tokenRefusal(h, (p) => (p.client_secret = `${p.client_secret}-wrong`))));
