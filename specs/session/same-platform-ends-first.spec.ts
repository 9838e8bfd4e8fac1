import { check, test } from '../../fixtures/check.js';
import { samePlatformEndsFirst } from '../../src/checks/session.js';
import { platformSessions } from '../../fixtures/dialects.js';

test(...check(samePlatformEndsFirst, (h) => platformSessions(h, 'same')));
