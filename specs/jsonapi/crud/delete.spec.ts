import { check, test } from '../../../fixtures/check.js';
import { deleteEvidence } from '../../../fixtures/jsonapi-flows.js';
import { deleteRecord } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Deleting Resources, §Fetching Resources (404)
test(...check(deleteRecord, deleteEvidence));
