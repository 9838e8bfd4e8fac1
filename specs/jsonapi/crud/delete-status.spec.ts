import { check, test } from '../../../fixtures/check.js';
import { deleteEvidence } from '../../../fixtures/jsonapi-flows.js';
import { deleteStatus } from '../../../src/checks/jsonapi/crud.js';

test(...check(deleteStatus, deleteEvidence));
