import { check, test } from '../../../fixtures/check.js';
import { deniedModuleList } from '../../../fixtures/jsonapi-flows.js';
import { noData } from '../../../src/checks/jsonapi/acl.js';

// module ACL: security outcome (no data for a denied module)
test(...check(noData, deniedModuleList));
