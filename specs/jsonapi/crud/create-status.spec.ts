import { check, test } from '../../../fixtures/check.js';
import { createEvidence } from '../../../fixtures/jsonapi-flows.js';
import { createStatus } from '../../../src/checks/jsonapi/crud.js';

test(...check(createStatus, createEvidence));
