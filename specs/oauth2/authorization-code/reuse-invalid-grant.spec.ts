import { check, test } from '../../../fixtures/check.js';
import { replayEvidence } from '../../../fixtures/authorization-code.js';
import { codeReuseInvalidGrant } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §5.2
test(...check(codeReuseInvalidGrant, replayEvidence));
