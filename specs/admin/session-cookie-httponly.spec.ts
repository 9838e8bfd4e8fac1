import { check, test } from '../../fixtures/check.js';
import { sessionCookieHttpOnly } from '../../src/checks/admin.js';
import { sessionCookieEvidence } from '../../fixtures/admin-panel.js';

// OWASP ASVS V3.4.2
test(...check(sessionCookieHttpOnly, sessionCookieEvidence));
