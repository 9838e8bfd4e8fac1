import { check, test } from '../../../fixtures/check.js';
import { mediaTypeSamples } from '../../../fixtures/jsonapi-flows.js';
import { documentsMediaType } from '../../../src/checks/jsonapi/documents.js';

test(...check(documentsMediaType, mediaTypeSamples));
