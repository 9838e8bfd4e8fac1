import { check, test } from '../../../fixtures/check.js';
import { noStoreCheck } from '../../../src/checks/oauth2/grant.js';
import { refreshResponse } from '../../../fixtures/flows.js';

test(...check(noStoreCheck('refresh'), refreshResponse));
