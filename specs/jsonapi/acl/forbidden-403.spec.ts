import { check, test } from '../../../fixtures/check.js';
import { deniedModuleList } from '../../../fixtures/jsonapi-flows.js';
import { forbidden403 } from '../../../src/checks/jsonapi/acl.js';

// JSON:API 1.0 §Fetching Resources, RFC 9110 §15.5.4
test(...check(forbidden403, deniedModuleList));
