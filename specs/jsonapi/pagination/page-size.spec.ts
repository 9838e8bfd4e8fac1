import { check, test } from '../../../fixtures/check.js';
import { pageSizeEvidence } from '../../../fixtures/jsonapi-flows.js';
import { pageSize } from '../../../src/checks/jsonapi/pagination.js';

// JSON:API 1.0 §Pagination
test(...check(pageSize, pageSizeEvidence));
