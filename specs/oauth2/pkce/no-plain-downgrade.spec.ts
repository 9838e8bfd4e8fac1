import { check, test } from '../../../fixtures/check.js';
import { pkceDowngradeRedemption } from '../../../fixtures/authorization-code.js';
import { pkceNoPlainDowngrade } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(pkceNoPlainDowngrade, pkceDowngradeRedemption));
