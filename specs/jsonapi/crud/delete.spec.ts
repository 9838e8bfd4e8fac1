import { check, test } from '../../../fixtures/check.js';
import { deleteEvidence } from '../../../fixtures/jsonapi-flows.js';
import { deleteRecord } from '../../../src/checks/jsonapi/crud.js';

test(...check(deleteRecord, deleteEvidence));
