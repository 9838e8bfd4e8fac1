import { check, test } from '../../../fixtures/check.js';
import { deniedRelationshipRead } from '../../../fixtures/jsonapi-flows.js';
import { relationshipRead } from '../../../src/checks/jsonapi/acl.js';

// module ACL through a relationship: the denied module's records stay out (JSON:API §Fetching Relationships)
test(...check(relationshipRead, deniedRelationshipRead));
