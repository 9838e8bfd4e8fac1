// An OpenAPI 3.0 description (typed with openapi-types), its local $refs resolved, matched against
// recorded exchanges: is the operation described, is the status declared, do the path parameters,
// the request body and (where a schema is declared) the response body fit.
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import type { OpenAPIV3 } from 'openapi-types';
import type { Exchange } from '../checks/types.js';
import { formatErrors } from '../schema/validate.js';

const addFormats = formats.default;

/** The user's own OpenAPI document (run --openapi FILE): it wins over what the profile names. */
export const OPENAPI_FILE_ENV = 'CRM_OPENAPI';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

export interface Operation {
  /** "GET /module/{moduleName}/{id}" */
  key: string;
  method: string;
  template: string;
  re: RegExp;
  params: OpenAPIV3.ParameterObject[];
  requestBody?: OpenAPIV3.RequestBodyObject;
  responses: OpenAPIV3.ResponsesObject;
}

export interface ExchangeMatch {
  operation?: string;
  problems: string[];
}

/** Replaces every local {"$ref": "#/…"} by its target (cycles are left as refs). */
export function resolveRefs<T>(root: T): T {
  const lookup = (ref: string): unknown =>
    ref
      .replace(/^#\//, '')
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
  const walk = (node: unknown, seen: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, seen));
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      if (seen.includes(ref)) return node;
      return walk(lookup(ref), [...seen, ref]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, seen)]));
  };
  return walk(root, []) as T;
}

export class OpenApiDescription {
  readonly operations: Operation[];
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  constructor(
    readonly doc: OpenAPIV3.Document,
    /** Request path prefix the document's paths hang under (the profile's resource basePath). */
    readonly basePath: string,
  ) {
    addFormats(this.ajv);
    const resolved = resolveRefs(doc);
    this.operations = Object.entries(resolved.paths ?? {}).flatMap(([template, item]) =>
      METHODS.flatMap((m) => {
        const op = item?.[m] as OpenAPIV3.OperationObject | undefined;
        if (!op) return [];
        const params = [...((item?.parameters ?? []) as OpenAPIV3.ParameterObject[]), ...((op.parameters ?? []) as OpenAPIV3.ParameterObject[])];
        const re = new RegExp(`^${template.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
        return [{ key: `${m.toUpperCase()} ${template}`, method: m.toUpperCase(), template, re, params, ...(op.requestBody ? { requestBody: op.requestBody as OpenAPIV3.RequestBodyObject } : {}), responses: op.responses }];
      }),
    );
  }

  private schemaCheck(schema: object, value: unknown, where: string): string | undefined {
    let fn = this.compiled.get(schema);
    if (!fn) this.compiled.set(schema, (fn = this.ajv.compile(schema)));
    return fn(value) ? undefined : `${where}: ${formatErrors(fn.errors, 3)}`;
  }

  /** The operation an exchange addressed (literal segments win over templated ones). */
  operationFor(method: string, url: string): { op: Operation; values: string[] } | undefined {
    const pathname = new URL(url).pathname;
    const i = pathname.indexOf(this.basePath);
    if (i < 0) return undefined;
    const rel = pathname.slice(i + this.basePath.length) || '/';
    const hits = this.operations
      .filter((o) => o.method === method.toUpperCase())
      .flatMap((op) => {
        const m = op.re.exec(rel);
        return m ? [{ op, values: m.slice(1).map(decodeURIComponent) }] : [];
      });
    return hits.sort((a, b) => (a.op.template.match(/\{/g)?.length ?? 0) - (b.op.template.match(/\{/g)?.length ?? 0))[0];
  }

  match(ex: Exchange): ExchangeMatch {
    const hit = this.operationFor(ex.request.method, ex.request.url);
    if (!hit) return { problems: [] };
    const { op, values } = hit;
    const problems: string[] = [];
    const names = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    names.forEach((name, i) => {
      const p = op.params.find((x) => x.in === 'path' && x.name === name);
      if (p?.schema) {
        const e = this.schemaCheck(p.schema as object, values[i], `path parameter ${name}`);
        if (e) problems.push(e);
      }
    });
    if (op.requestBody && ex.request.body !== undefined) {
      const ct = (Object.entries(ex.request.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '').split(';')[0]!.trim();
      const media = op.requestBody.content[ct];
      if (!media) problems.push(`request Content-Type "${ct}" is not one of ${Object.keys(op.requestBody.content).join(', ')}`);
      else if (media.schema) {
        let body: unknown;
        try {
          body = JSON.parse(ex.request.body);
        } catch {
          problems.push('request body is not JSON');
        }
        const e = body === undefined ? undefined : this.schemaCheck(media.schema as object, body, 'request body');
        if (e) problems.push(e);
      }
    }
    if (ex.response) {
      const status = String(ex.response.status);
      const declared = op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses.default;
      if (!declared) problems.push(`HTTP ${status} is not a declared response (${Object.keys(op.responses).join(', ')})`);
      else {
        const content = (declared as OpenAPIV3.ResponseObject).content;
        const ct = (ex.response.headers['content-type'] ?? '').split(';')[0]!.trim();
        const schema = content?.[ct]?.schema;
        if (content && Object.keys(content).length && !content[ct]) problems.push(`response Content-Type "${ct}" is not one of ${Object.keys(content).join(', ')}`);
        if (schema && ex.response.json !== undefined) {
          const e = this.schemaCheck(schema as object, ex.response.json, `response body (HTTP ${status})`);
          if (e) problems.push(e);
        }
      }
    }
    return { operation: op.key, problems };
  }
}

/** Why a value is not an OpenAPI 3.x document (undefined when it is one, as far as matching needs). */
export function notOpenApi3(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.openapi !== 'string' || !v.openapi.startsWith('3.')) return `no "openapi": "3.x" member${typeof v.swagger === 'string' ? ` (Swagger ${v.swagger} is not supported)` : ''}`;
  if (!v.paths || typeof v.paths !== 'object') return 'no "paths" object';
  return undefined;
}

const cache = new WeakMap<object, Map<string, OpenApiDescription>>();

/** The matcher of a document under a base path, built once per document object. */
export function openApiOf(doc: OpenAPIV3.Document, basePath: string): OpenApiDescription {
  let byBase = cache.get(doc);
  if (!byBase) cache.set(doc, (byBase = new Map()));
  let d = byBase.get(basePath);
  if (!d) byBase.set(basePath, (d = new OpenApiDescription(doc, basePath)));
  return d;
}
