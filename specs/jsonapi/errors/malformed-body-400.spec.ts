import { check, test } from '../../../fixtures/check.js';
import { malformedBodies } from '../../../fixtures/jsonapi-flows.js';
import { malformedBody400 } from '../../../src/checks/jsonapi/errors.js';

test(...check(malformedBody400, malformedBodies));
