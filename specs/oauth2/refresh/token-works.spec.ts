import { check, test } from '../../../fixtures/check.js';
import { tokenWorksCheck } from '../../../src/checks/oauth2/grant.js';
import { probeWithNewToken } from '../../../fixtures/flows.js';

// RFC 6750 §2.1, RFC 6749 §7
test(...check(tokenWorksCheck('refresh'), (h) => probeWithNewToken(h, 'refresh')));
