import { check, test } from '../../../fixtures/check.js';
import { codeFlowEvidence } from '../../../fixtures/authorization-code.js';
import { codeFlowWorks } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeFlowWorks, codeFlowEvidence));
