// GET /Api/V8/meta/swagger.json: the reference target's own OpenAPI 3.0 description of the V8
// resource API it implements, bearer-protected like SuiteCRM's. It covers the operations SuiteCRM's
// published document covers (records, relationships by type and by link, logout), with the statuses
// the conformant target answers; like SuiteCRM's it declares statuses, path parameter formats and
// request bodies, not response bodies, so the openapi check judges the same things on both.
import type { OpenAPIV3 } from 'openapi-types';
import type { Ctx } from '../../core.js';
import { sendDocument } from '../../core.js';

const MEDIA = 'application/vnd.api+json';
const UUID: OpenAPIV3.SchemaObject = { type: 'string', format: 'uuid' };
const NAME: OpenAPIV3.SchemaObject = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' };

const pathParam = (name: string, schema: OpenAPIV3.SchemaObject, description: string): OpenAPIV3.ParameterObject => ({ name, in: 'path', required: true, schema, description });
const MODULE = pathParam('moduleName', NAME, 'module name, e.g. Accounts');
const ID = pathParam('id', UUID, 'record id');

/** Refusals every bearer-protected operation may answer (token, ACL, negotiation). */
const REFUSALS: OpenAPIV3.ResponsesObject = {
  '400': { description: 'malformed request (error document)' },
  '401': { description: 'no valid access token' },
  '403': { description: 'the module is denied to the user' },
  '406': { description: 'Accept names the JSON:API media type only with parameters' },
};
const NOT_FOUND: OpenAPIV3.ResponsesObject = { '404': { description: 'no such module or record' } };
const WRITE_REFUSALS: OpenAPIV3.ResponsesObject = {
  ...REFUSALS,
  ...NOT_FOUND,
  '409': { description: 'type or id conflicts with the request or an existing record' },
  '415': { description: 'Content-Type is the JSON:API media type with parameters' },
};

const identifier: OpenAPIV3.SchemaObject = {
  type: 'object',
  required: ['type', 'id'],
  properties: { type: { type: 'string' }, id: { type: 'string' } },
};

function body(description: string, schema: OpenAPIV3.SchemaObject): OpenAPIV3.RequestBodyObject {
  return { description, required: true, content: { [MEDIA]: { schema } } };
}

function resourceBody(required: string[]): OpenAPIV3.SchemaObject {
  return {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        required,
        properties: { type: { type: 'string' }, id: { type: 'string' }, attributes: { type: 'object' } },
      },
    },
  };
}

const ok = (status: string, description: string): OpenAPIV3.ResponsesObject => ({ [status]: { description } });

export const REFERENCE_OPENAPI: OpenAPIV3.Document = {
  openapi: '3.0.3',
  info: {
    title: 'crm-conformance reference target: SuiteCRM V8 resource API',
    version: '8.1',
    description: 'The V8 JSON:API resource API as the embedded reference target implements it (conformant mode).',
  },
  paths: {
    '/module/{moduleName}': {
      get: {
        summary: 'list records of a module',
        parameters: [
          MODULE,
          { name: 'page[size]', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'page[number]', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'sort', in: 'query', schema: { type: 'string' } },
        ],
        responses: { ...ok('200', 'a page of resource objects'), ...REFUSALS, ...NOT_FOUND },
      },
    },
    '/module/{moduleName}/{id}': {
      get: { summary: 'read a record', parameters: [MODULE, ID], responses: { ...ok('200', 'the resource object'), ...REFUSALS, ...NOT_FOUND } },
      delete: { summary: 'delete a record', parameters: [MODULE, ID], responses: { ...ok('200', 'deleted (meta message)'), ...REFUSALS, ...NOT_FOUND } },
    },
    '/module': {
      post: {
        summary: 'create a record of the module named by data.type',
        requestBody: body('a resource object; a client-generated id is accepted', resourceBody(['type'])),
        responses: { ...ok('201', 'created; Location names the new record'), ...WRITE_REFUSALS },
      },
      patch: {
        summary: 'update the record named by data.type and data.id (only the attributes sent)',
        requestBody: body('a resource object with type and id', resourceBody(['type', 'id'])),
        responses: { ...ok('200', 'the updated resource object'), ...WRITE_REFUSALS },
      },
    },
    '/module/{moduleName}/{id}/relationships/{linkName}': {
      get: {
        summary: 'resource linkage of a relationship',
        parameters: [MODULE, ID, pathParam('linkName', NAME, 'link field name, e.g. contacts')],
        responses: { ...ok('200', 'resource identifier objects'), ...REFUSALS, ...NOT_FOUND },
      },
    },
    '/module/{moduleName}/{id}/relationships': {
      post: {
        summary: 'relate a record; the link follows from data.type',
        parameters: [MODULE, ID],
        requestBody: body('one resource identifier object', identifier),
        responses: { ...ok('201', 'related (meta message)'), ...WRITE_REFUSALS },
      },
    },
    '/module/{moduleName}/{id}/relationships/{linkName}/{relatedId}': {
      delete: {
        summary: 'remove one related record from a relationship',
        parameters: [MODULE, ID, pathParam('linkName', NAME, 'link field name'), pathParam('relatedId', UUID, 'the related record')],
        responses: { ...ok('200', 'removed (meta message)'), ...REFUSALS, ...NOT_FOUND },
      },
    },
    '/logout': {
      post: { summary: "revoke the presented token's session", responses: { ...ok('200', 'logged out'), '401': { description: 'no valid access token' } } },
    },
  },
  components: {
    securitySchemes: { oauth2: { type: 'oauth2', flows: { password: { tokenUrl: '../access_token', scopes: {} } } } },
  },
  security: [{ oauth2: [] }],
};

/** Served with the run's servers entry (where this instance's V8 API is). */
export function openApiDocument(ctx: Ctx): void {
  const server = `http://${ctx.req.headers.host ?? '127.0.0.1'}${ctx.core.profile.basePath ?? ''}/Api/V8`;
  sendDocument(ctx, 200, { ...REFERENCE_OPENAPI, servers: [{ url: server }] });
}
