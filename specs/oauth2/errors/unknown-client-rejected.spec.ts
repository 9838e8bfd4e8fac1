import { check, test } from '../../../fixtures/check.js';
import { unknownClientRejected } from '../../../src/checks/oauth2/errors.js';
import { passwordRequestWith, unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(unknownClientRejected, (h) => passwordRequestWith(h, (p) => (p.client_id = unknownName('client')))));
