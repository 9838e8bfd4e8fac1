import { check, test } from '../../../fixtures/check.js';
import { relationshipLifecycle } from '../../../fixtures/jsonapi-flows.js';
import { addListRemove } from '../../../src/checks/jsonapi/relationships.js';

test(...check(addListRemove, relationshipLifecycle));
