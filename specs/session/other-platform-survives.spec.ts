import { check, test } from '../../fixtures/check.js';
import { otherPlatformSurvives } from '../../src/checks/session.js';
import { platformSessions } from '../../fixtures/dialects.js';

// Vendor: SugarCRM REST v11 (one session per user and platform), RFC 6749 §1.4
test(...check(otherPlatformSurvives, (h) => platformSessions(h, 'other')));
