import { check, test } from '../../../fixtures/check.js';
import { createWithParameterisedType } from '../../../fixtures/jsonapi-flows.js';
import { contentTypeParams415 } from '../../../src/checks/jsonapi/documents.js';

// JSON:API 1.0 §Content Negotiation
test(...check(contentTypeParams415, createWithParameterisedType));
