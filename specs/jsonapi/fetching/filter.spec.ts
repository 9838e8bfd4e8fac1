import { check, test } from '../../../fixtures/check.js';
import { filterEvidence } from '../../../fixtures/jsonapi-flows.js';
import { filter } from '../../../src/checks/jsonapi/fetching.js';

test(...check(filter, filterEvidence));
