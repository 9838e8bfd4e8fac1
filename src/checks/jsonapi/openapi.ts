// The OpenAPI description the instance itself publishes (so the contract checked is the one of the
// version under test), or a file the user names: every exchange of a CRUD + relationship round trip addresses
// a described operation the way it is described (declared status, path parameter formats, request
// media type and body schema, response schema where one is declared).
import type { OpenAPIV3 } from 'openapi-types';
import { openApiOf } from '../../openapi/document.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange } from '../types.js';
import { RES } from './conditions.js';

export interface OpenApiEvidence {
  /** The OpenAPI document the instance publishes (or the user's file) and where it came from. */
  document: OpenAPIV3.Document;
  source: string;
  /** The path prefix the document's paths hang under (the profile's resource basePath). */
  basePath: string;
  exchanges: Exchange[];
}

export const exchangesMatch: CheckDef<OpenApiEvidence> = {
  id: 'jsonapi.openapi.exchanges-match',
  title: "requests and responses of a create/read/update/delete/relationship round trip match the vendor's OpenAPI document",
  specRefs: ['OpenAPI 3.0.0 SuiteCRM V8 (Api/V8/meta/swagger.json)'],
  // The vendor's description of its own API: a profile expectation, beyond JSON:API.
  severity: 'advisory',
  keyword: 'profile',
  requires: RES,
  evaluate({ document, source, basePath, exchanges }) {
    const api = openApiOf(document, basePath);
    const undocumented: string[] = [];
    for (const ex of exchanges) {
      const m = api.match(ex);
      // Record ids differ from run to run; reasons must not.
      const what = `${ex.request.method} ${new URL(ex.request.url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}')}`;
      if (!m.operation) undocumented.push(what);
      else if (m.problems.length) return fail(`${what} (${m.operation} in ${source}): ${m.problems.join('; ')}`);
    }
    if (undocumented.length === exchanges.length) return inconclusive(`none of the ${exchanges.length} exchanges addressed an operation the OpenAPI document (${source}) describes, so none could be judged`);
    return pass(undocumented.length ? `not in the OpenAPI document (${source}): ${undocumented.join(', ')}` : undefined);
  },
};

export const OPENAPI_CHECKS = [exchangesMatch];
