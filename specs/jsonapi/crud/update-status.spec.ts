import { check, test } from '../../../fixtures/check.js';
import { updatePatch } from '../../../fixtures/jsonapi-flows.js';
import { updateStatus } from '../../../src/checks/jsonapi/crud.js';

test(...check(updateStatus, (h) => updatePatch(h)));
