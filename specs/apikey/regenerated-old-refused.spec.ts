import { check, test } from '../../fixtures/check.js';
import { regeneratedOldRefused } from '../../src/checks/apikey.js';
import { apiKeyRegeneration } from '../../fixtures/dialects.js';

test(...check(regeneratedOldRefused, (h) => apiKeyRegeneration(h, 'old')));
