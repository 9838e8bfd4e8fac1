import { check, test } from '../../../fixtures/check.js';
import { createEvidence } from '../../../fixtures/jsonapi-flows.js';
import { create } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Creating Resources
test(...check(create, createEvidence));
