import { check, test } from '../../../fixtures/check.js';
import { deleteEvidence } from '../../../fixtures/jsonapi-flows.js';
import { deleteRecord } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Deleting Resources, RFC 9110 §9.3.5
test(...check(deleteRecord, deleteEvidence));
