import { check, test } from '../../../fixtures/check.js';
import { duplicateEvidence } from '../../../fixtures/jsonapi-flows.js';
import { duplicateId409 } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Creating Resources
test(...check(duplicateId409, duplicateEvidence));
