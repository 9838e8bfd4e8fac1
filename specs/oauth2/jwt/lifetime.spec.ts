import { check, test } from '../../../fixtures/check.js';
import { jwtLifetime } from '../../../src/checks/oauth2/jwt.js';
import { jwtEvidence } from '../../../fixtures/flows.js';

// RFC 6749 §5.1, RFC 7519 §4.1.4
test(...check(jwtLifetime, jwtEvidence));
