import { check, test } from '../../../fixtures/check.js';
import { unknownModuleList } from '../../../fixtures/jsonapi-flows.js';
import { unknownModule } from '../../../src/checks/jsonapi/errors.js';

// JSON:API 1.0 §Fetching Resources, RFC 9110 §15.5.5
test(...check(unknownModule, unknownModuleList));
