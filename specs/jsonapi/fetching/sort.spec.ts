import { check, test } from '../../../fixtures/check.js';
import { sortEvidence } from '../../../fixtures/jsonapi-flows.js';
import { sort } from '../../../src/checks/jsonapi/fetching.js';

// JSON:API 1.0 §Sorting
test(...check(sort, sortEvidence));
