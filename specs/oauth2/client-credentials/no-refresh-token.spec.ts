import { check, test } from '../../../fixtures/check.js';
import { ccNoRefreshToken } from '../../../src/checks/oauth2/grant.js';
import { grantResponse } from '../../../fixtures/flows.js';

// RFC 6749 §4.4.3
test(...check(ccNoRefreshToken, (h) => grantResponse(h, 'client_credentials')));
