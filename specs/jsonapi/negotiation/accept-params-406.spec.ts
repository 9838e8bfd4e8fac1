import { check, test } from '../../../fixtures/check.js';
import { listWithParameterisedAccept } from '../../../fixtures/jsonapi-flows.js';
import { acceptParams406 } from '../../../src/checks/jsonapi/documents.js';

test(...check(acceptParams406, listWithParameterisedAccept));
