import { check, test } from '../../../fixtures/check.js';
import { errorSamples } from '../../../fixtures/jsonapi-flows.js';
import { documentShape } from '../../../src/checks/jsonapi/errors.js';

test(...check(documentShape, errorSamples));
