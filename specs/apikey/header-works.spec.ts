import { check, test } from '../../fixtures/check.js';
import { headerWorks } from '../../src/checks/apikey.js';
import { apiKeyProbe } from '../../fixtures/dialects.js';

// Flexie CRM API: API key in the apikey header, not the URL (vendor documentation; RFC 6750 §5.3)
test(...check(headerWorks, (h) => apiKeyProbe(h, 'header')));
