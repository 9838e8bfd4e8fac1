import { check, test } from '../../../fixtures/check.js';
import { relationshipLifecycle } from '../../../fixtures/jsonapi-flows.js';
import { updateStatus } from '../../../src/checks/jsonapi/relationships.js';

// JSON:API 1.0 §Updating Relationships
test(...check(updateStatus, relationshipLifecycle));
