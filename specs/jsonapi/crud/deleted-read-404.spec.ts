import { check, test } from '../../../fixtures/check.js';
import { deleteEvidence } from '../../../fixtures/jsonapi-flows.js';
import { deletedRead404 } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Fetching Resources
test(...check(deletedRead404, deleteEvidence));
