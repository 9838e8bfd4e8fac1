import { check, test } from '../../../fixtures/check.js';
import { updatePatch } from '../../../fixtures/jsonapi-flows.js';
import { updateAtResourceUrl } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Updating Resources
test(...check(updateAtResourceUrl, (h) => updatePatch(h, 'resource-url')));
