import { check, test } from '../../../fixtures/check.js';
import { includeEvidence } from '../../../fixtures/jsonapi-flows.js';
import { include } from '../../../src/checks/jsonapi/fetching.js';

// JSON:API 1.0 §Inclusion of Related Resources
test(...check(include, includeEvidence));
