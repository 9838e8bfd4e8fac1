import { check, test } from '../../../fixtures/check.js';
import { codeLifetimeEvidence } from '../../../fixtures/authorization-code.js';
import { codeLifetime } from '../../../src/checks/oauth2/authorization-code.js';

// RFC 6749 §4.1.2
test(...check(codeLifetime, codeLifetimeEvidence));
