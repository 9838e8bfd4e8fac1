import { check, test } from '../../fixtures/check.js';
import { otherPlatformSurvives } from '../../src/checks/session.js';
import { platformSessions } from '../../fixtures/dialects.js';

// SugarCRM REST v11 /oauth2/token: one session per user and platform (token invalidation as RFC 7009 §2.2)
test(...check(otherPlatformSurvives, (h) => platformSessions(h, 'other')));
