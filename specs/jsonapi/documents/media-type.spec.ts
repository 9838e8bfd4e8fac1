import { check, test } from '../../../fixtures/check.js';
import { mediaTypeSamples } from '../../../fixtures/jsonapi-flows.js';
import { documentsMediaType } from '../../../src/checks/jsonapi/documents.js';

// JSON:API 1.0 §Content Negotiation
test(...check(documentsMediaType, mediaTypeSamples));
