import { check, test } from '../../../fixtures/check.js';
import { othersPreferences } from '../../../fixtures/jsonapi-flows.js';
import { userPreferencesPrivate } from '../../../src/checks/security/privileged.js';

// OWASP ASVS V4.2.1: another user's preferences are not readable by id
test(...check(userPreferencesPrivate, othersPreferences));
