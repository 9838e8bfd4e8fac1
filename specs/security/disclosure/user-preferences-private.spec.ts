import { check, test } from '../../../fixtures/check.js';
import { othersPreferences } from '../../../fixtures/disclosure.js';
import { userPreferencesPrivate } from '../../../src/checks/security/privileged.js';

test(...check(userPreferencesPrivate, othersPreferences));
