import { check, test } from '../../../fixtures/check.js';
import { replayEvidence } from '../../../fixtures/authorization-code.js';
import { codeReuseRejected } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.2, RFC 6749 §10.5
test(...check(codeReuseRejected, replayEvidence));
