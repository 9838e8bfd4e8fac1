import { check, test } from '../../../fixtures/check.js';
import { deleteEvidence } from '../../../fixtures/jsonapi-flows.js';
import { deletedRead404 } from '../../../src/checks/jsonapi/crud.js';

test(...check(deletedRead404, deleteEvidence));
