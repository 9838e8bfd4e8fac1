import { check, test } from '../../../fixtures/check.js';
import { deniedModuleList } from '../../../fixtures/jsonapi-flows.js';
import { forbidden403 } from '../../../src/checks/jsonapi/acl.js';

// module ACL wire format: RFC 9110 §15.5.4 403, JSON:API 1.0 §Errors
test(...check(forbidden403, deniedModuleList));
