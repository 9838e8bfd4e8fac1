import { check, test } from '../../../fixtures/check.js';
import { wrongSecretRejected } from '../../../src/checks/oauth2/errors.js';
import { passwordRequestWith } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(wrongSecretRejected, (h) => passwordRequestWith(h, (p) => (p.client_secret = `${p.client_secret}-wrong`))));
