import { check, test } from '../../../fixtures/check.js';
import { linksEvidence } from '../../../fixtures/jsonapi-flows.js';
import { linksConsistent } from '../../../src/checks/jsonapi/pagination.js';

test(...check(linksConsistent, linksEvidence));
