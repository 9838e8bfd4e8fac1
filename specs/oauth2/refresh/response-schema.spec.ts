import { check, test } from '../../../fixtures/check.js';
import { responseSchemaCheck } from '../../../src/checks/oauth2/grant.js';
import { siblingRefresh } from '../../../fixtures/flows.js';

// RFC 6749 §5.1
test(...check(responseSchemaCheck('refresh'), siblingRefresh));
