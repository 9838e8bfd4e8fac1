import { check, test } from '../../../fixtures/check.js';
import { updateEvidence } from '../../../fixtures/jsonapi-flows.js';
import { updateOnlySent } from '../../../src/checks/jsonapi/crud.js';

// JSON:API 1.0 §Updating Resources
test(...check(updateOnlySent, updateEvidence));
