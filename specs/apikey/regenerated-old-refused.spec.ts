import { check, test } from '../../fixtures/check.js';
import { regeneratedOldRefused } from '../../src/checks/apikey.js';
import { apiKeyRegeneration } from '../../fixtures/dialects.js';

// Flexie CRM API: Generate New Key; RFC 9700 §4.14
test(...check(regeneratedOldRefused, (h) => apiKeyRegeneration(h, 'old')));
