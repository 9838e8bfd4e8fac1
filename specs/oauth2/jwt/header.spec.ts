import { check, test } from '../../../fixtures/check.js';
import { jwtHeader } from '../../../src/checks/oauth2/jwt.js';
import { jwtEvidence } from '../../../fixtures/flows.js';

// RFC 7515 §4.1, RFC 7519 §5
test(...check(jwtHeader, jwtEvidence));
