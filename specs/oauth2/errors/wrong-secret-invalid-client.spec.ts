import { check, test } from '../../../fixtures/check.js';
import { wrongSecretInvalidClient } from '../../../src/checks/oauth2/errors.js';
import { tokenRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(wrongSecretInvalidClient, (h) => tokenRefusal(h, (p) => (p.client_secret = `${p.client_secret}-wrong`))));
