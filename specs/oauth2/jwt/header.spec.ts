import { check, test } from '../../../fixtures/check.js';
import { jwtHeader } from '../../../src/checks/oauth2/jwt.js';
import { jwtEvidence } from '../../../fixtures/flows.js';

test(...check(jwtHeader, jwtEvidence));
