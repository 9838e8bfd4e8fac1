import { check, test } from '../../fixtures/check.js';
import { queryRefused } from '../../src/checks/apikey.js';
import { apiKeyQueryEvidence } from '../../fixtures/dialects.js';

// RFC 6750 §2.3, RFC 6750 §5.3, RFC 9700 §4.3.2
test(...check(queryRefused, apiKeyQueryEvidence));
