import { check, test } from '../../../fixtures/check.js';
import { unknownModuleList } from '../../../fixtures/jsonapi-flows.js';
import { unknownModule } from '../../../src/checks/jsonapi/errors.js';

test(...check(unknownModule, unknownModuleList));
