import { check, test } from '../../../fixtures/check.js';
import { relationshipLifecycle } from '../../../fixtures/jsonapi-flows.js';
import { addListRemove } from '../../../src/checks/jsonapi/relationships.js';

// JSON:API 1.0 §Updating Relationships, JSON:API 1.0 §Fetching Relationships
test(...check(addListRemove, relationshipLifecycle));
