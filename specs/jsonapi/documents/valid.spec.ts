import { check, test } from '../../../fixtures/check.js';
import { documentSamples } from '../../../fixtures/jsonapi-flows.js';
import { documentsValid } from '../../../src/checks/jsonapi/documents.js';

test(...check(documentsValid, documentSamples));
