import { check, test } from '../../../fixtures/check.js';
import { listWithParameterisedAccept } from '../../../fixtures/jsonapi-flows.js';
import { acceptParams406 } from '../../../src/checks/jsonapi/documents.js';

// JSON:API 1.0 §Content Negotiation
test(...check(acceptParams406, listWithParameterisedAccept));
