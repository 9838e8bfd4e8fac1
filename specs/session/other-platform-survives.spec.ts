import { check, test } from '../../fixtures/check.js';
import { otherPlatformSurvives } from '../../src/checks/session.js';
import { platformSessions } from '../../fixtures/dialects.js';

test(...check(otherPlatformSurvives, (h) => platformSessions(h, 'other')));
