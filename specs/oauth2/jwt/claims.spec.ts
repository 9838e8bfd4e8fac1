import { check, test } from '../../../fixtures/check.js';
import { jwtClaims } from '../../../src/checks/oauth2/jwt.js';
import { jwtEvidence } from '../../../fixtures/flows.js';

// RFC 7519 §4.1
test(...check(jwtClaims, jwtEvidence));
