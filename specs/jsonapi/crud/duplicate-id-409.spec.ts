import { check, test } from '../../../fixtures/check.js';
import { duplicateEvidence } from '../../../fixtures/jsonapi-flows.js';
import { duplicateId409 } from '../../../src/checks/jsonapi/crud.js';

test(...check(duplicateId409, duplicateEvidence));
