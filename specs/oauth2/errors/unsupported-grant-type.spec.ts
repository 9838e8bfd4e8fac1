import { check, test } from '../../../fixtures/check.js';
import { unsupportedGrantType } from '../../../src/checks/oauth2/errors.js';
import { tokenRefusal } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(unsupportedGrantType, (h) => tokenRefusal(h, (p) => (p.grant_type = 'urn:example:no-such-grant'))));
