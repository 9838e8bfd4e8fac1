import { check, test } from '../../../fixtures/check.js';
import { openApiRoundTrip } from '../../../fixtures/jsonapi-flows.js';
import { exchangesMatch } from '../../../src/checks/jsonapi/openapi.js';

// OpenAPI 3.0.0 SuiteCRM V8 (Api/V8/meta/swagger.json)
// The OpenAPI 3 description the instance publishes (SuiteCRM: GET /Api/V8/meta/swagger.json), or CRM_OPENAPI
test(...check(exchangesMatch, openApiRoundTrip));
