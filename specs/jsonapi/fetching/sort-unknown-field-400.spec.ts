import { check, test } from '../../../fixtures/check.js';
import { unknownSortField } from '../../../fixtures/jsonapi-flows.js';
import { sortUnknownField400 } from '../../../src/checks/jsonapi/fetching.js';

// JSON:API 1.0 §Sorting
test(...check(sortUnknownField400, unknownSortField));
