// ajv over the JSON Schemas in schemas/. Errors are rendered as "pointer: rule", never as a body dump.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { SCHEMAS_DIR } from '../paths.js';

const addFormats = formats.default;

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
  }
  return ajv;
}

export function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}

/** Compiled validator for schemas/<name>.schema.json (cached per process). */
export function validator(name: string): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = instance().compile(loadSchema(name));
    compiled.set(name, fn);
  }
  return fn;
}

export function formatErrors(errors: readonly ErrorObject[] | null | undefined, max = 5): string {
  if (!errors?.length) return '';
  const parts = errors.slice(0, max).map((e) => {
    const where = e.instancePath || '/';
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'required'
          ? ''
          : '';
    return `${where}: ${e.keyword} — ${e.message ?? 'invalid'}${extra}`;
  });
  return parts.join('; ') + (errors.length > max ? `; … ${errors.length - max} more` : '');
}

export type SchemaResult = { valid: true } | { valid: false; errors: string };

export function validate(name: string, value: unknown): SchemaResult {
  const fn = validator(name);
  return fn(value) ? { valid: true } : { valid: false, errors: formatErrors(fn.errors) };
}
