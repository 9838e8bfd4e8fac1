import { check, test } from '../../../fixtures/check.js';
import { deniedRelationshipRead } from '../../../fixtures/jsonapi-flows.js';
import { relationshipRead } from '../../../src/checks/jsonapi/acl.js';

// JSON:API 1.0 §Fetching Relationships, OWASP ASVS 4.0.3 V4.1.3
test(...check(relationshipRead, deniedRelationshipRead));
