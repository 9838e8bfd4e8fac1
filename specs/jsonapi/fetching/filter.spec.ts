import { check, test } from '../../../fixtures/check.js';
import { filterEvidence } from '../../../fixtures/jsonapi-flows.js';
import { filter } from '../../../src/checks/jsonapi/fetching.js';

// JSON:API 1.0 §Filtering
test(...check(filter, filterEvidence));
