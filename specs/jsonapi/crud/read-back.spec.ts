import { check, test } from '../../../fixtures/check.js';
import { readBackEvidence } from '../../../fixtures/jsonapi-flows.js';
import { readBack } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Fetching Resources, JSON:API 1.0 §Creating Resources
test(...check(readBack, readBackEvidence));
