import { check, test } from '../../../fixtures/check.js';
import { pkceDowngradeRedemption } from '../../../fixtures/authorization-code.js';
import { pkceNoPlainDowngrade } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 7636 §4.6, RFC 9700 §2.1.1
test(...check(pkceNoPlainDowngrade, pkceDowngradeRedemption));
