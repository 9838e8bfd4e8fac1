import { check, test } from '../../../fixtures/check.js';
import { walkEvidence } from '../../../fixtures/jsonapi-flows.js';
import { walk } from '../../../src/checks/jsonapi/pagination.js';

// JSON:API 1.0 §Pagination
test(...check(walk, walkEvidence));
