import { check, test } from '../../../fixtures/check.js';
import { deniedModuleList } from '../../../fixtures/jsonapi-flows.js';
import { forbidden403 } from '../../../src/checks/jsonapi/acl.js';

test(...check(forbidden403, deniedModuleList));
