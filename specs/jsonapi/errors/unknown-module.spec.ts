import { check, test } from '../../../fixtures/check.js';
import { unknownModuleList } from '../../../fixtures/jsonapi-flows.js';
import { unknownModule } from '../../../src/checks/jsonapi/errors.js';

// JSON:API 1.0 §Errors
test(...check(unknownModule, unknownModuleList));
