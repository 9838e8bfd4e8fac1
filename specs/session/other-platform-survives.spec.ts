import { check, test } from '../../fixtures/check.js';
import { otherPlatformSurvives } from '../../src/checks/session.js';
import { platformSessions } from '../../fixtures/dialects.js';

// Vendor: SugarCRM REST v11 (one session per user and platform)
test(...check(otherPlatformSurvives, (h) => platformSessions(h, 'other')));
