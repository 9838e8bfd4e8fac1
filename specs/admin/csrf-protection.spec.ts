import { check, test } from '../../fixtures/check.js';
import { csrfProtection } from '../../src/checks/admin.js';
import { csrfEvidence } from '../../fixtures/admin-panel.js';

// OWASP ASVS V4.2.2, RFC 6265 §8.2
test(...check(csrfProtection, csrfEvidence));
