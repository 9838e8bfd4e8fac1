import { check, test } from '../../../fixtures/check.js';
import { relationshipLifecycle } from '../../../fixtures/jsonapi-flows.js';
import { addListRemove } from '../../../src/checks/jsonapi/relationships.js';

// JSON:API 1.0 §Updating Relationships, §Fetching Relationships
test(...check(addListRemove, relationshipLifecycle));
