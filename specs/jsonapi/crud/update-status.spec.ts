import { check, test } from '../../../fixtures/check.js';
import { updatePatch } from '../../../fixtures/jsonapi-flows.js';
import { updateStatus } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Updating Resources
test(...check(updateStatus, (h) => updatePatch(h)));
