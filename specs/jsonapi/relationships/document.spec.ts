import { check, test } from '../../../fixtures/check.js';
import { relationshipLifecycle } from '../../../fixtures/jsonapi-flows.js';
import { relationshipDocument } from '../../../src/checks/jsonapi/relationships.js';

// JSON:API 1.0 §Fetching Relationships, JSON:API 1.0 §Resource Linkage
test(...check(relationshipDocument, relationshipLifecycle));
