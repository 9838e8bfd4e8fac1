import { check, test } from '../../../fixtures/check.js';
import { documentSamples } from '../../../fixtures/jsonapi-flows.js';
import { documentsValid } from '../../../src/checks/jsonapi/documents.js';

// JSON:API 1.0 §Document Structure, JSON:API 1.0 §Fetching Resources
test(...check(documentsValid, documentSamples));
