import { check, test } from '../../fixtures/check.js';
import { regeneratedNewWorks } from '../../src/checks/apikey.js';
import { apiKeyRegeneration } from '../../fixtures/dialects.js';

test(...check(regeneratedNewWorks, (h) => apiKeyRegeneration(h, 'new')));
