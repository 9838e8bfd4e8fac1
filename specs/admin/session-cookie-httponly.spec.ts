import { check, test } from '../../fixtures/check.js';
import { sessionCookieHttpOnly } from '../../src/checks/admin.js';
import { sessionCookieEvidence } from '../../fixtures/admin-panel.js';

test(...check(sessionCookieHttpOnly, sessionCookieEvidence));
