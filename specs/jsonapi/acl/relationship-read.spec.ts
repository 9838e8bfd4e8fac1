import { check, test } from '../../../fixtures/check.js';
import { deniedRelationshipRead } from '../../../fixtures/jsonapi-flows.js';
import { relationshipRead } from '../../../src/checks/jsonapi/acl.js';

test(...check(relationshipRead, deniedRelationshipRead));
