import { check, test } from '../../../fixtures/check.js';
import { codeLifetimeEvidence } from '../../../fixtures/authorization-code.js';
import { codeLifetime } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeLifetime, codeLifetimeEvidence));
