import { check, test } from '../../../fixtures/check.js';
import { unknownClientRejected } from '../../../src/checks/oauth2/errors.js';
import { tokenRefusal, unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §4.3.2, RFC 6749 §2.3
test(...check(unknownClientRejected, (h) => tokenRefusal(h, (p) => (p.client_id = unknownName('client')))));
