import { check, test } from '../../../fixtures/check.js';
import { updateEvidence } from '../../../fixtures/jsonapi-flows.js';
import { updateOnlySent } from '../../../src/checks/jsonapi/crud.js';

test(...check(updateOnlySent, updateEvidence));
