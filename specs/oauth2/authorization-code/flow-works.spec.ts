import { check, test } from '../../../fixtures/check.js';
import { codeFlowEvidence } from '../../../fixtures/authorization-code.js';
import { codeFlowWorks } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1, RFC 6749 §4.1.2
test(...check(codeFlowWorks, codeFlowEvidence));
