import { check, test } from '../../../fixtures/check.js';
import { othersPreferences } from '../../../fixtures/disclosure.js';
import { userPreferencesPrivate } from '../../../src/checks/security/privileged.js';

// OWASP ASVS 4.0.3 V4.2.1, JSON:API 1.0 §Fetching Resources
test(...check(userPreferencesPrivate, othersPreferences));
