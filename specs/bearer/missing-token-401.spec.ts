import { check, test } from '../../fixtures/check.js';
import { missingToken401 } from '../../src/checks/bearer.js';

// RFC 6750 §3
test(...check(missingToken401, ({ api }) => api.probeWith({})));
