import { check, test } from '../../../fixtures/check.js';
import { missingGrantTypeInvalidRequest } from '../../../src/checks/oauth2/errors.js';
import { tokenRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §5.2, RFC 6749 §4.3.2
test(...check(missingGrantTypeInvalidRequest, (h) => tokenRefusal(h, (p) => delete p.grant_type)));
