import { check, test } from '../../fixtures/check.js';
import { csrfProtection } from '../../src/checks/admin.js';
import { csrfEvidence } from '../../fixtures/admin-panel.js';

test(...check(csrfProtection, csrfEvidence));
