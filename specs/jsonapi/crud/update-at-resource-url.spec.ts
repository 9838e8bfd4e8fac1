import { check, test } from '../../../fixtures/check.js';
import { updatePatch } from '../../../fixtures/jsonapi-flows.js';
import { updateAtResourceUrl } from '../../../src/checks/jsonapi/crud.js';

test(...check(updateAtResourceUrl, (h) => updatePatch(h, 'resource-url')));
