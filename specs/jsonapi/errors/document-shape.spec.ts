import { check, test } from '../../../fixtures/check.js';
import { errorSamples } from '../../../fixtures/jsonapi-flows.js';
import { documentShape } from '../../../src/checks/jsonapi/errors.js';

// JSON:API 1.0 §Errors
test(...check(documentShape, errorSamples));
