import { check, test } from '../../fixtures/check.js';
import { regeneratedNewWorks } from '../../src/checks/apikey.js';
import { apiKeyRegeneration } from '../../fixtures/dialects.js';

// Flexie CRM API: Generate New Key (credential rotation, RFC 9700 §4.14)
test(...check(regeneratedNewWorks, (h) => apiKeyRegeneration(h, 'new')));
