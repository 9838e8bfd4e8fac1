import { check, test } from '../../../fixtures/check.js';
import { duplicateEvidence } from '../../../fixtures/jsonapi-flows.js';
import { duplicateIdKept } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Creating Resources
test(...check(duplicateIdKept, duplicateEvidence));
