import { check, test } from '../../../fixtures/check.js';
import { unknownClientInvalidClient } from '../../../src/checks/oauth2/errors.js';
import { tokenRefusal, unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(unknownClientInvalidClient, (h) => tokenRefusal(h, (p) => (p.client_id = unknownName('client')))));
