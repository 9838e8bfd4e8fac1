import { check, test } from '../../../fixtures/check.js';
import { deniedModuleList } from '../../../fixtures/jsonapi-flows.js';
import { noData } from '../../../src/checks/jsonapi/acl.js';

// JSON:API 1.0 §Fetching Resources, OWASP ASVS 4.0.3 V4.1.3
test(...check(noData, deniedModuleList));
