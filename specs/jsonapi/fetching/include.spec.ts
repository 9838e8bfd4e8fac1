import { check, test } from '../../../fixtures/check.js';
import { includeEvidence } from '../../../fixtures/jsonapi-flows.js';
import { include } from '../../../src/checks/jsonapi/fetching.js';

test(...check(include, includeEvidence));
