import { check, test } from '../../../fixtures/check.js';
import { malformedBodies } from '../../../fixtures/jsonapi-flows.js';
import { malformedBody400 } from '../../../src/checks/jsonapi/errors.js';

// JSON:API 1.0 §Errors, §Creating Resources
test(...check(malformedBody400, malformedBodies));
