import { check, test } from '../../../fixtures/check.js';
import { readBackEvidence } from '../../../fixtures/jsonapi-flows.js';
import { readBack } from '../../../src/checks/jsonapi/crud.js';

test(...check(readBack, readBackEvidence));
