import { check, test } from '../../fixtures/check.js';
import { queryRefused } from '../../src/checks/apikey.js';
import { apiKeyQueryEvidence } from '../../fixtures/dialects.js';

test(...check(queryRefused, apiKeyQueryEvidence));
