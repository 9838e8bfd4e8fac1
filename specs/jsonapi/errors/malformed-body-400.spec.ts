import { check, test } from '../../../fixtures/check.js';
import { malformedBodies } from '../../../fixtures/jsonapi-flows.js';
import { malformedBody400 } from '../../../src/checks/jsonapi/errors.js';

// JSON:API 1.0 §Creating Resources, RFC 9110 §15.5.1
test(...check(malformedBody400, malformedBodies));
