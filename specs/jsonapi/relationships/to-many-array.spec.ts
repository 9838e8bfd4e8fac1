import { check, test } from '../../../fixtures/check.js';
import { toManyArrayEvidence } from '../../../fixtures/jsonapi-flows.js';
import { toManyArray } from '../../../src/checks/jsonapi/relationships.js';

test(...check(toManyArray, toManyArrayEvidence));
