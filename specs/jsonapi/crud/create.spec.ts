import { check, test } from '../../../fixtures/check.js';
import { createEvidence } from '../../../fixtures/jsonapi-flows.js';
import { create } from '../../../src/checks/jsonapi/crud.js';

test(...check(create, createEvidence));
