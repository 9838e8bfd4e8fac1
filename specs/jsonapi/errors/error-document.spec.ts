import { check, test } from '../../../fixtures/check.js';
import { errorSamples } from '../../../fixtures/jsonapi-flows.js';
import { errorDocument } from '../../../src/checks/jsonapi/errors.js';

// JSON:API 1.0 §Fetching Resources, JSON:API 1.0 §Errors
test(...check(errorDocument, errorSamples));
