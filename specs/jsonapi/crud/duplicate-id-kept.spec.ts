import { check, test } from '../../../fixtures/check.js';
import { duplicateEvidence } from '../../../fixtures/jsonapi-flows.js';
import { duplicateIdKept } from '../../../src/checks/jsonapi/crud.js';

test(...check(duplicateIdKept, duplicateEvidence));
