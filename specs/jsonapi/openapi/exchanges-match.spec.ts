import { check, test } from '../../../fixtures/check.js';
import { openApiRoundTrip } from '../../../fixtures/jsonapi-flows.js';
import { exchangesMatch } from '../../../src/checks/jsonapi/openapi.js';

// SuiteCRM OpenAPI 3.0 description (../shared/reference/suitecrm-7.14/openapi.json)
test(...check(exchangesMatch, openApiRoundTrip));
