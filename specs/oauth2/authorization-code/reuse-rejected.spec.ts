import { check, test } from '../../../fixtures/check.js';
import { replayEvidence } from '../../../fixtures/authorization-code.js';
import { codeReuseRejected } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeReuseRejected, replayEvidence));
