import { check, test } from '../../../fixtures/check.js';
import { pageSizeEvidence } from '../../../fixtures/jsonapi-flows.js';
import { pageSize } from '../../../src/checks/jsonapi/pagination.js';

test(...check(pageSize, pageSizeEvidence));
