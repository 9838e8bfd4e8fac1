import { check, test } from '../../../fixtures/check.js';
import { deniedModuleList } from '../../../fixtures/jsonapi-flows.js';
import { noData } from '../../../src/checks/jsonapi/acl.js';

test(...check(noData, deniedModuleList));
