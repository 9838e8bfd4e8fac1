import { check, test } from '../../fixtures/check.js';
import { regeneratedOldRefused } from '../../src/checks/apikey.js';
import { apiKeyRegeneration } from '../../fixtures/dialects.js';

// Vendor: Flexie CRM API (Generate New Key), RFC 6750 §1.2
test(...check(regeneratedOldRefused, (h) => apiKeyRegeneration(h, 'old')));
