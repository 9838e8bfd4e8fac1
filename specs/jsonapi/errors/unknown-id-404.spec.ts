import { check, test } from '../../../fixtures/check.js';
import { unknownIdRead } from '../../../fixtures/jsonapi-flows.js';
import { unknownId404 } from '../../../src/checks/jsonapi/errors.js';

// JSON:API 1.0 §Fetching Resources
test(...check(unknownId404, unknownIdRead));
