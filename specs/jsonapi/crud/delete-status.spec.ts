import { check, test } from '../../../fixtures/check.js';
import { deleteEvidence } from '../../../fixtures/jsonapi-flows.js';
import { deleteStatus } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Deleting Resources
test(...check(deleteStatus, deleteEvidence));
