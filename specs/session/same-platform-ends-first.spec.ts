import { check, test } from '../../fixtures/check.js';
import { samePlatformEndsFirst } from '../../src/checks/session.js';
import { platformSessions } from '../../fixtures/dialects.js';

// Vendor: SugarCRM REST v11 (one session per user and platform), RFC 6749 §1.4
test(...check(samePlatformEndsFirst, (h) => platformSessions(h, 'same')));
