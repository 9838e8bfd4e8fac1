import { check, test } from '../../../fixtures/check.js';
import { linksEvidence } from '../../../fixtures/jsonapi-flows.js';
import { linksConsistent } from '../../../src/checks/jsonapi/pagination.js';

// JSON:API 1.0 §Pagination
test(...check(linksConsistent, linksEvidence));
