import { check, test } from '../../../fixtures/check.js';
import { sparseFieldsetEvidence } from '../../../fixtures/jsonapi-flows.js';
import { sparseFieldsets } from '../../../src/checks/jsonapi/fetching.js';

test(...check(sparseFieldsets, sparseFieldsetEvidence));
