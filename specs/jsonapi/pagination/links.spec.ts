import { check, test } from '../../../fixtures/check.js';
import { linksEvidence } from '../../../fixtures/jsonapi-flows.js';
import { links } from '../../../src/checks/jsonapi/pagination.js';

// JSON:API 1.0 §Pagination
test(...check(links, linksEvidence));
