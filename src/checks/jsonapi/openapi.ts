// The vendor's own OpenAPI description: every exchange of a CRUD + relationship round trip addresses
// a described operation the way it is described (declared status, path parameter formats, request
// media type and body schema, response schema where one is declared).
import { openApiFor } from '../../openapi/document.js';
import { fail, pass, type CheckDef, type Exchange } from '../types.js';
import { RES } from './conditions.js';

export interface OpenApiEvidence {
  /** The profile's OpenAPI document and the path prefix its paths hang under. */
  document: string;
  basePath: string;
  exchanges: Exchange[];
}

export const exchangesMatch: CheckDef<OpenApiEvidence> = {
  id: 'jsonapi.openapi.exchanges-match',
  title: "requests and responses of a create/read/update/delete/relationship round trip match the vendor's OpenAPI document",
  specRefs: ['OpenAPI 3.0.0 SuiteCRM V8 (Api/V8/meta/swagger.json)'],
  severity: 'should',
  requires: RES,
  evaluate({ document, basePath, exchanges }) {
    const api = openApiFor(document, basePath);
    const undocumented: string[] = [];
    for (const ex of exchanges) {
      const m = api.match(ex);
      const what = `${ex.request.method} ${new URL(ex.request.url).pathname}`;
      if (!m.operation) undocumented.push(what);
      else if (m.problems.length) return fail(`${what} (${m.operation}): ${m.problems.join('; ')}`);
    }
    return pass(undocumented.length ? `not in the OpenAPI document: ${undocumented.join(', ')}` : undefined);
  },
};

export const OPENAPI_CHECKS = [exchangesMatch];
