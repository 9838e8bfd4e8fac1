import { check, test } from '../../../fixtures/check.js';
import { pagesEvidence } from '../../../fixtures/authorization-code.js';
import { pagesRefuseFraming } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(pagesRefuseFraming, pagesEvidence));
