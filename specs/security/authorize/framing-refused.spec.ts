import { check, test } from '../../../fixtures/check.js';
import { pagesEvidence } from '../../../fixtures/authorization-code.js';
import { pagesRefuseFraming } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 9700 §4.16, RFC 6749 §10.13
test(...check(pagesRefuseFraming, pagesEvidence));
