import { check, test } from '../../../fixtures/check.js';
import { tokenWorksCheck } from '../../../src/checks/oauth2/grant.js';
import { probeWithNewToken } from '../../../fixtures/flows.js';

test(...check(tokenWorksCheck('client-credentials'), (h) => probeWithNewToken(h, 'client_credentials')));
