import { check, test } from '../../fixtures/check.js';
import { headerWorks } from '../../src/checks/apikey.js';
import { apiKeyProbe } from '../../fixtures/dialects.js';

// Vendor: Flexie CRM API (API key in the apikey header), RFC 6750 §1.2
test(...check(headerWorks, (h) => apiKeyProbe(h, 'header')));
