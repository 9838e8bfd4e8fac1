import { check, test } from '../../../fixtures/check.js';
import { sparseFieldsetEvidence } from '../../../fixtures/jsonapi-flows.js';
import { sparseFieldsets } from '../../../src/checks/jsonapi/fetching.js';

// JSON:API 1.0 §Sparse Fieldsets
test(...check(sparseFieldsets, sparseFieldsetEvidence));
