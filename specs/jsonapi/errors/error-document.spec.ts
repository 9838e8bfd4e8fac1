import { check, test } from '../../../fixtures/check.js';
import { errorSamples } from '../../../fixtures/jsonapi-flows.js';
import { errorDocument } from '../../../src/checks/jsonapi/errors.js';

test(...check(errorDocument, errorSamples));
