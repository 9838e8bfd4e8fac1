import { check, test } from '../../../fixtures/check.js';
import { otherClientRedemption } from '../../../fixtures/authorization-code.js';
import { codeOtherClientRejected } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeOtherClientRejected, otherClientRedemption));
