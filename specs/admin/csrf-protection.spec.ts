import { check, test } from '../../fixtures/check.js';
import { csrfProtection } from '../../src/checks/admin.js';
import { csrfEvidence } from '../../fixtures/admin-panel.js';

// OWASP ASVS V4.2.2, RFC 6749 §10.12 (CSRF)
test(...check(csrfProtection, csrfEvidence));
