import { check, test } from '../../../fixtures/check.js';
import { noStoreCheck } from '../../../src/checks/oauth2/grant.js';
import { grantResponse } from '../../../fixtures/flows.js';

test(...check(noStoreCheck('client-credentials'), (h) => grantResponse(h, 'client_credentials')));
