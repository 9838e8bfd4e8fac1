import { check, test } from '../../../fixtures/check.js';
import { sortEvidence } from '../../../fixtures/jsonapi-flows.js';
import { sort } from '../../../src/checks/jsonapi/fetching.js';

test(...check(sort, sortEvidence));
