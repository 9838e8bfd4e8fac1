import { check, test } from '../../../fixtures/check.js';
import { noStoreCheck } from '../../../src/checks/oauth2/grant.js';
import { siblingRefresh } from '../../../fixtures/flows.js';

// RFC 6749 §5.1, RFC 9111 §5.4
test(...check(noStoreCheck('refresh'), siblingRefresh));
