// JSON:API 1.0 document schemas (schemas/jsonapi/*): one ajv instance that knows all four, so the
// request schemas can $ref the response schema's definitions. Errors render as "pointer: rule".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { SCHEMAS_DIR } from '../paths.js';
import { formatErrors, type SchemaResult } from './validate.js';

const addFormats = formats.default;

export const JSONAPI_SCHEMAS = ['document', 'create-resource', 'update-resource', 'update-relationship'] as const;
export type JsonApiSchema = (typeof JSONAPI_SCHEMAS)[number];

let ajv: Ajv | undefined;
const compiled = new Map<JsonApiSchema, ValidateFunction>();

function schemaId(name: JsonApiSchema): string {
  return `https://crm-conformance.dev/schemas/jsonapi/${name}.schema.json`;
}

function instance(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const name of JSONAPI_SCHEMAS) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'jsonapi', `${name}.schema.json`), 'utf8')) as object);
  }
  return ajv;
}

function validatorFor(name: JsonApiSchema): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = instance().getSchema(schemaId(name));
    if (!fn) throw new Error(`schema ${name} did not compile`);
    compiled.set(name, fn);
  }
  return fn;
}

/** Validates a JSON:API document (response by default, or one of the request shapes). */
export function validateJsonApi(value: unknown, name: JsonApiSchema = 'document'): SchemaResult {
  const fn = validatorFor(name);
  return fn(value) ? { valid: true } : { valid: false, errors: formatErrors(fn.errors) };
}
