import { check, test } from '../../../fixtures/check.js';
import { jwtClaims } from '../../../src/checks/oauth2/jwt.js';
import { jwtEvidence } from '../../../fixtures/flows.js';

test(...check(jwtClaims, jwtEvidence));
