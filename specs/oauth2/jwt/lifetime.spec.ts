import { check, test } from '../../../fixtures/check.js';
import { jwtLifetime } from '../../../src/checks/oauth2/jwt.js';
import { jwtEvidence } from '../../../fixtures/flows.js';

test(...check(jwtLifetime, jwtEvidence));
