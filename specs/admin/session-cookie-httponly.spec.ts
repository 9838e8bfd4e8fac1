import { check, test } from '../../fixtures/check.js';
import { sessionCookieHttpOnly } from '../../src/checks/admin.js';
import { sessionCookieEvidence } from '../../fixtures/admin-panel.js';

// OWASP ASVS V3.4.2, RFC 6265 §4.1.2.6
test(...check(sessionCookieHttpOnly, sessionCookieEvidence));
