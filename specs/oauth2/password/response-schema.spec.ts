import { check, test } from '../../../fixtures/check.js';
import { responseSchemaCheck } from '../../../src/checks/oauth2/grant.js';
import { grantResponse } from '../../../fixtures/flows.js';

test(...check(responseSchemaCheck('password'), (h) => grantResponse(h, 'password')));
