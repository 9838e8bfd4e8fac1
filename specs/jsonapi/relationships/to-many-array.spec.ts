import { check, test } from '../../../fixtures/check.js';
import { toManyArrayEvidence } from '../../../fixtures/jsonapi-flows.js';
import { toManyArray } from '../../../src/checks/jsonapi/relationships.js';

// JSON:API 1.0 §Updating Relationships
test(...check(toManyArray, toManyArrayEvidence));
