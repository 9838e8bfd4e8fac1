import { check, test } from '../../../fixtures/check.js';
import { responseSchemaCheck } from '../../../src/checks/oauth2/grant.js';
import { refreshResponse } from '../../../fixtures/flows.js';

test(...check(responseSchemaCheck('refresh'), refreshResponse));
