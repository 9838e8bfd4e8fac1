// The V8 module routes (JSON:API 1.0 resources) for Accounts and Contacts and their `contacts` /
// `accounts` link, with per-user module ACL. Conformant by default; each SuiteCRM 7.14 departure is a
// fault (faults/jsonapi.ts). The token probe (GET Accounts?page[size]=1) answers 200 under every
// jsonapi fault: none of them touches a plain list.
import { randomUUID } from 'node:crypto';
import { send, sendDocument, sendJson, type Ctx, type TargetCore } from '../../core.js';
import { authenticate, authenticateForModule, type Principal } from './bearer.js';
import { openApiDocument } from './openapi.js';

const MEDIA = 'application/vnd.api+json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ModuleDef {
  /** SuiteCRM's bean object name: the faithful `type`. */
  objectName: string;
  fields: readonly string[];
  /** Link name → related module. */
  links: Record<string, string>;
}

const MODULES: Record<string, ModuleDef> = {
  Accounts: {
    objectName: 'Account',
    fields: ['name', 'industry', 'account_type', 'description', 'date_entered', 'deleted'],
    links: { contacts: 'Contacts' },
  },
  Contacts: {
    objectName: 'Contact',
    fields: ['first_name', 'last_name', 'title', 'description', 'date_entered', 'deleted'],
    links: { accounts: 'Accounts' },
  },
};

type Attrs = Record<string, string>;

/** Account–contact links ("accountId|contactId"), per target. */
const LINKS = new WeakMap<TargetCore, Set<string>>();

function links(core: TargetCore): Set<string> {
  let s = LINKS.get(core);
  if (!s) LINKS.set(core, (s = new Set()));
  return s;
}

export function seedRecords(core: TargetCore): void {
  const accounts = new Map<string, Attrs>();
  const contacts = new Map<string, Attrs>();
  const names = ['Acme Alpha', 'Beta Industries', 'Gamma Logistics', 'Delta Health', 'Epsilon Energy', 'Zeta Retail', 'Eta Media'];
  const base = { date_entered: '2026-11-25T12:33:00+00:00', deleted: '0', description: '' };
  const accountIds = names.map((name, i) => {
    const id = randomUUID();
    accounts.set(id, { ...base, name, industry: ['Energy', 'Retail', 'Media', 'Healthcare'][i % 4]!, account_type: 'Customer' });
    return id;
  });
  ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'].forEach((full, i) => {
    const [first_name, last_name] = full.split(' ') as [string, string];
    const id = randomUUID();
    contacts.set(id, { ...base, first_name, last_name, title: 'Engineer' });
    if (i < 2) links(core).add(`${accountIds[0]}|${id}`);
  });
  core.records.set('Accounts', accounts);
  core.records.set('Contacts', contacts);
}

// ---------------------------------------------------------------- documents

function typeOf(core: TargetCore, module: string): string {
  return core.fault('jsonapi-type-singular') ? (MODULES[module]?.objectName ?? module) : module;
}

/** Absolute URL of an API path (conformant) or SuiteCRM's "V8/…" relative form (fault). */
function link(ctx: Ctx, apiPath: string): string {
  if (ctx.core.fault('jsonapi-links-relative')) return `V8${apiPath}`;
  return `http://${ctx.req.headers.host ?? '127.0.0.1'}${ctx.core.profile.basePath ?? ''}/Api/V8${apiPath}`;
}

function relatedIds(core: TargetCore, module: string, id: string, linkName: string): string[] {
  const out: string[] = [];
  for (const pair of links(core)) {
    const [a, c] = pair.split('|') as [string, string];
    if (module === 'Accounts' && linkName === 'contacts' && a === id) out.push(c);
    if (module === 'Contacts' && linkName === 'accounts' && c === id) out.push(a);
  }
  return out.filter((rid) => live(core, MODULES[module]!.links[linkName]!, rid));
}

function live(core: TargetCore, module: string, id: string): Attrs | undefined {
  const a = core.records.get(module)?.get(id.toLowerCase());
  return a && a.deleted !== '1' ? a : undefined;
}

function resourceObject(ctx: Ctx, module: string, id: string, attrs: Attrs, fields?: readonly string[], withLinkage = false) {
  const shown = fields ? Object.fromEntries(Object.entries(attrs).filter(([k]) => fields.includes(k))) : attrs;
  const relationships: Record<string, unknown> = {};
  for (const [name, target] of Object.entries(MODULES[module]!.links)) {
    relationships[name] = {
      links: { self: link(ctx, `/module/${module}/${id}/relationships/${name}`), related: link(ctx, `/module/${module}/${id}/relationships/${name}`) },
      ...(withLinkage ? { data: relatedIds(ctx.core, module, id, name).map((rid) => ({ type: typeOf(ctx.core, target), id: rid })) } : {}),
    };
  }
  return { type: typeOf(ctx.core, module), id, attributes: shown, relationships, links: { self: link(ctx, `/module/${module}/${id}`) } };
}

type ErrorKind = 'validation' | 'not-found' | 'forbidden' | 'conflict' | 'media' | 'not-acceptable' | 'method';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  media: 415,
  'not-acceptable': 406,
  method: 405,
};
const TITLE: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict', 415: 'Unsupported Media Type' };

/** Sends an error document; SuiteCRM's faults turn the status into 400 and the shape into an object. */
function fail(ctx: Ctx, kind: ErrorKind, detail: string): void {
  const core = ctx.core;
  let status = STATUS[kind];
  if ((kind === 'not-found' && core.fault('jsonapi-not-found-400')) || (kind === 'conflict' && core.fault('jsonapi-conflict-400'))) status = 400;
  if (kind === 'forbidden' && core.fault('jsonapi-acl-400')) status = 400;
  const errors = core.fault('jsonapi-errors-object')
    ? { status, title: null, detail }
    : [{ status: core.fault('jsonapi-error-status-number') ? status : String(status), title: TITLE[status] ?? 'Error', detail }];
  if (kind === 'validation' && core.fault('jsonapi-validation-errors-json')) return sendJson(ctx, status, { errors });
  if (core.fault('jsonapi-errors-plain-message')) return sendDocument(ctx, status, { message: detail });
  sendDocument(ctx, status, { errors });
}

// ---------------------------------------------------------------- request gates

/** Content negotiation (JSON:API 1.0 §Content Negotiation, Servers). */
function negotiate(ctx: Ctx, withBody: boolean): boolean {
  const core = ctx.core;
  const accept = ctx.req.headers.accept;
  if (accept && !core.fault('jsonapi-no-406')) {
    const ours = accept.split(',').map((v) => v.trim()).filter((v) => v.toLowerCase().startsWith(MEDIA));
    if (ours.length && ours.every((v) => v.includes(';'))) {
      fail(ctx, 'not-acceptable', 'every application/vnd.api+json in Accept carries media type parameters');
      return false;
    }
  }
  const ct = ctx.req.headers['content-type'];
  if (withBody && ct && ct.toLowerCase().startsWith(MEDIA) && ct.includes(';') && !core.fault('jsonapi-no-415')) {
    fail(ctx, 'media', 'Content-Type application/vnd.api+json must not carry media type parameters');
    return false;
  }
  return true;
}

/** Authenticated, negotiated and allowed to use the module; otherwise answered here. */
function gate(ctx: Ctx, module: string | undefined, withBody = false): Principal | undefined {
  const principal = authenticateForModule(ctx);
  if (!principal || !negotiate(ctx, withBody)) return undefined;
  if (module === undefined) return principal;
  if (!MODULES[module]) {
    if (ctx.core.fault('jsonapi-unknown-module-500')) {
      send(ctx, 500, '<html><body><h1>Slim Application Error</h1></body></html>', { 'content-type': 'text/html;charset=UTF-8' });
      return undefined;
    }
    fail(ctx, ctx.core.fault('jsonapi-not-found-400') ? 'validation' : 'not-found', `Module ${module} does not exist`);
    return undefined;
  }
  if (denied(ctx, principal, module) && !ctx.core.fault('jsonapi-acl-ignored')) {
    fail(ctx, 'forbidden', '[SuiteCRM] [AccessDeniedException] ');
    return undefined;
  }
  return principal;
}

/** The user's role denies the module (or, with the fault, a non-admin is denied every module). */
function denied(ctx: Ctx, principal: Principal, module: string): boolean {
  return !!principal.user.deniedModules?.includes(module) || (ctx.core.fault('jsonapi-acl-denies-all') && !principal.user.isAdmin);
}

/** Self-test fault: the API user may read but not write. Answered here (true) when refused. */
function writeRefused(ctx: Ctx): boolean {
  if (!ctx.core.fault('jsonapi-writes-refused')) return false;
  fail(ctx, 'forbidden', '[SuiteCRM] [AccessDeniedException] ');
  return true;
}

type Body = { ok: true; doc: Record<string, unknown> } | { ok: false };

function parseBody(ctx: Ctx): Body {
  let doc: unknown;
  try {
    doc = JSON.parse(ctx.body);
  } catch {
    if (ctx.core.fault('jsonapi-malformed-body-500')) {
      send(ctx, 500, '<html><body><h1>Slim Application Error</h1><p>Syntax error</p></body></html>', { 'content-type': 'text/html;charset=UTF-8' });
    } else fail(ctx, 'validation', 'The request body is not a JSON document');
    return { ok: false };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !('data' in doc)) {
    fail(ctx, 'validation', 'The required option "data" is missing.');
    return { ok: false };
  }
  return { ok: true, doc: doc as Record<string, unknown> };
}

function moduleFromType(type: unknown): string | undefined {
  if (typeof type !== 'string') return undefined;
  if (MODULES[type]) return type;
  return Object.keys(MODULES).find((m) => MODULES[m]!.objectName === type);
}

function checkAttributes(ctx: Ctx, module: string, attrs: unknown): Attrs | undefined {
  if (attrs === undefined) return {};
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) {
    fail(ctx, 'validation', 'attributes must be an object');
    return undefined;
  }
  const out: Attrs = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (!MODULES[module]!.fields.includes(k)) {
      fail(ctx, 'validation', `Property ${k} in ${MODULES[module]!.objectName} module is invalid`);
      return undefined;
    }
    if (v !== null) out[k] = String(v);
  }
  return out;
}

// ---------------------------------------------------------------- list

// access_token is the bearer layer's business (RFC 6750 §2.3 checks), never a list option.
const LIST_PARAM = /^(page\[(size|number)\]|fields\[[A-Za-z]+\]|filter\[[a-z_]+\]\[[a-z]+\]|sort|include|access_token)$/;

function sqlLike(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');
}

/** SuiteCRM modules that hold the OAuth2 configuration: an administrator's business. Listed
 * without secrets or token values (as SuiteCRM lists them); a non-admin gets 403. */
const ADMIN_MODULES: Record<string, { fault: string; rows: (core: TargetCore) => [string, Attrs][] }> = {
  OAuth2Clients: {
    fault: 'oauth2-clients-listable-by-users',
    rows: (core) => [...core.clients.values()].filter((c) => !c.deleted).map((c) => [c.id, { name: c.name, allowed_grant_type: c.grants.join(' '), assigned_user_id: c.userId ?? '' }]),
  },
  OAuth2Tokens: {
    fault: 'oauth2-tokens-listable-by-users',
    rows: (core) =>
      [...core.tokens.values()].map((t) => [t.rowId, { client: t.clientId, assigned_user_id: t.userId, grant_type: t.grant, token_is_revoked: t.revoked ? '1' : '0', access_token_expires: new Date(t.accessExpires).toISOString() }]),
  },
};

function listAdminModule(ctx: Ctx, module: string): void {
  const principal = authenticateForModule(ctx);
  if (!principal || !negotiate(ctx, false)) return;
  const def = ADMIN_MODULES[module]!;
  if (!principal.user.isAdmin && !ctx.core.fault(def.fault)) return fail(ctx, ctx.core.fault('jsonapi-acl-400') ? 'validation' : 'forbidden', '[SuiteCRM] [AccessDeniedException] ');
  const data = def.rows(ctx.core).map(([id, attributes]) => ({ type: module, id, attributes, links: { self: link(ctx, `/module/${module}/${id}`) } }));
  sendDocument(ctx, 200, { data });
}

export function listModule(ctx: Ctx): void {
  const module = ctx.params.module!;
  if (ADMIN_MODULES[module]) return listAdminModule(ctx, module);
  if (!gate(ctx, module)) return;
  const def = MODULES[module]!;
  const q = ctx.url.searchParams;
  for (const key of q.keys()) {
    if (!LIST_PARAM.test(key) || (key === 'include' && ctx.core.fault('jsonapi-include-unsupported-400'))) {
      return fail(ctx, 'validation', `The option "${key}" does not exist. Defined options are: "fields", "filter", "moduleName", "page", "sort".`);
    }
  }
  if (ctx.core.fault('jsonapi-filter-400') && [...q.keys()].some((k) => k.startsWith('filter['))) return fail(ctx, 'validation', 'Filtering is not supported');
  let rows = [...ctx.core.records.get(module)!.entries()].filter(([, a]) => a.deleted !== '1');
  // filter[field][op]=value
  if (!ctx.core.fault('jsonapi-filter-ignored')) {
    for (const [key, value] of q.entries()) {
      const m = /^filter\[([a-z_]+)\]\[([a-z]+)\]$/.exec(key);
      if (!m) continue;
      const [, field, op] = m as unknown as [string, string, string];
      if (!def.fields.includes(field)) return fail(ctx, 'validation', `Filter field ${field} in ${def.objectName} module is not found`);
      const test = op === 'eq' ? (v: string) => v === value : op === 'neq' ? (v: string) => v !== value : op === 'like' ? (v: string) => sqlLike(value).test(v) : undefined;
      if (!test) return fail(ctx, 'validation', `Filter operator ${op} is invalid`);
      rows = rows.filter(([, a]) => test(a[field] ?? ''));
    }
  }
  const sort = q.get('sort');
  if (sort) {
    const desc = sort.startsWith('-');
    const field = desc ? sort.slice(1) : sort;
    if (!def.fields.includes(field)) {
      if (!ctx.core.fault('jsonapi-unknown-sort-ignored')) return fail(ctx, 'validation', `Sort field ${field} in ${def.objectName} module is not found`);
    } else rows.sort(([, a], [, b]) => (a[field] ?? '').localeCompare(b[field] ?? '', 'en', { sensitivity: 'base' }));
    if (desc && !ctx.core.fault('jsonapi-sort-desc-ignored')) rows.reverse();
  }
  const fieldsParam = q.get(`fields[${module}]`) ?? q.get(`fields[${def.objectName}]`);
  let fields: string[] | undefined;
  if (fieldsParam !== null && !ctx.core.fault('jsonapi-fields-ignored')) {
    fields = fieldsParam.split(',').filter(Boolean);
    const bad = fields.find((f) => !def.fields.includes(f));
    if (bad) return fail(ctx, 'validation', `The following field in ${def.objectName} module is not found: ${bad}`);
  }
  const include = q.get('include');
  if (include !== null && !Object.keys(def.links).includes(include)) return fail(ctx, 'validation', `include path ${include} is not a relationship of ${module}`);
  const withIncluded = include !== null && !ctx.core.fault('jsonapi-include-ignored');

  const doc: Record<string, unknown> = {};
  let page = rows;
  const sizeRaw = q.get('page[size]');
  const numberRaw = q.get('page[number]');
  if (sizeRaw !== null) {
    const size = Number(sizeRaw);
    const number = numberRaw === null ? 1 : Number(numberRaw);
    if (!Number.isInteger(size) || size < 1) return fail(ctx, 'validation', `The option "size" with value "${sizeRaw}" is invalid.`);
    if (!Number.isInteger(number) || number < 1) return fail(ctx, 'validation', `The option "number" with value "${numberRaw}" is invalid.`);
    const effective = size > 20 && ctx.core.fault('jsonapi-page-size-capped') ? 20 : size;
    page = rows.slice((number - 1) * size, (number - 1) * size + effective);
    const totalPages = Math.max(1, Math.ceil(rows.length / size));
    doc.meta = { 'total-pages': totalPages, 'records-on-this-page': page.length, 'total-records': rows.length };
    doc.links = pageLinks(ctx, module, size, number, numberRaw !== null, totalPages);
  }
  doc.data = page.map(([id, a]) => resourceObject(ctx, module, id, a, fields, withIncluded));
  if (withIncluded) {
    const target = def.links[include!]!;
    const ids = [...new Set(page.flatMap(([id]) => relatedIds(ctx.core, module, id, include!)))];
    doc.included = ids.map((rid) => resourceObject(ctx, target, rid, live(ctx.core, target, rid)!));
  }
  sendDocument(ctx, 200, doc);
}

function pageLinks(ctx: Ctx, module: string, size: number, number: number, numberGiven: boolean, totalPages: number) {
  const others = [...ctx.url.searchParams.entries()].filter(([k]) => !k.startsWith('page['));
  const at = (n: number) =>
    link(ctx, `/module/${module}?${new URLSearchParams([...others, ['page[size]', String(size)], ['page[number]', String(n)]]).toString()}`);
  if (ctx.core.fault('jsonapi-pagination-links-wrong')) {
    // SuiteCRM 7.14: next is page 1 when page[number] is absent; first/prev null on page 1; last null on the last page.
    const next = !numberGiven ? at(1) : number < totalPages ? at(number + 1) : null;
    return { first: number > 1 ? at(1) : null, prev: number > 1 ? at(number - 1) : null, next, last: number < totalPages ? at(totalPages) : null };
  }
  return {
    self: at(number),
    first: at(1),
    prev: number > 1 ? at(Math.min(number - 1, totalPages)) : null,
    next: number < totalPages ? at(number + 1) : null,
    last: at(totalPages),
  };
}

// ---------------------------------------------------------------- single resources

function fieldsOf(ctx: Ctx, module: string): string[] | undefined {
  const v = ctx.url.searchParams.get(`fields[${module}]`);
  return v === null || ctx.core.fault('jsonapi-fields-ignored') ? undefined : v.split(',').filter(Boolean);
}

/** The record, or an answer (400 for a malformed id, 404 for an unknown one). */
function record(ctx: Ctx, module: string, id: string): Attrs | undefined {
  if (!UUID.test(id)) {
    fail(ctx, 'validation', `The option "id" with value "${id}" is invalid.`);
    return undefined;
  }
  const a = live(ctx.core, module, id);
  if (!a) fail(ctx, 'not-found', `${module} module with id ${id} is not found`);
  return a;
}

export function readRecord(ctx: Ctx): void {
  const { module, id } = ctx.params as { module: string; id: string };
  if (!gate(ctx, module)) return;
  if (ctx.core.fault('jsonapi-reads-404')) return fail(ctx, 'not-found', `${module} module with id ${id} is not found`);
  const attrs = record(ctx, module, id);
  if (attrs) sendDocument(ctx, 200, { data: resourceObject(ctx, module, id.toLowerCase(), attrs, fieldsOf(ctx, module)) });
}

export function createRecord(ctx: Ctx): void {
  if (!gate(ctx, undefined, true) || writeRefused(ctx)) return;
  const body = parseBody(ctx);
  if (!body.ok) return;
  const data = body.doc.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail(ctx, 'validation', 'data must be a resource object');
  const module = moduleFromType(data.type);
  if (!module) return fail(ctx, 'validation', `Module ${String(data.type)} does not exist`);
  if (!gate(ctx, module, true)) return;
  let id: string = randomUUID();
  if (data.id !== undefined) {
    if (typeof data.id !== 'string' || !UUID.test(data.id)) return fail(ctx, 'validation', `The option "id" with value "${String(data.id)}" is invalid.`);
    id = data.id.toLowerCase();
    if (ctx.core.records.get(module)!.has(id) && !ctx.core.fault('jsonapi-duplicate-id-overwrites')) return fail(ctx, 'conflict', `Bean ${module} with id ${id} is already exist`);
  }
  const attrs = checkAttributes(ctx, module, data.attributes);
  if (!attrs) return;
  const stored: Attrs = { date_entered: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'), deleted: '0', ...attrs };
  if (ctx.core.fault('jsonapi-create-drops-attribute')) delete stored.description;
  ctx.core.records.get(module)!.set(id, stored);
  // The dropped attribute is still echoed: only a read-back shows it was never stored.
  const res = resourceObject(ctx, module, id, { ...stored, ...attrs });
  const echoed = ctx.core.fault('jsonapi-create-echoes-nothing') ? { type: res.type, id: res.id, links: res.links } : res;
  sendDocument(ctx, ctx.core.fault('jsonapi-create-200') ? 200 : 201, { data: echoed }, { location: res.links.self });
}

function update(ctx: Ctx, urlModule?: string, urlId?: string): void {
  if (!gate(ctx, urlModule, true) || writeRefused(ctx)) return;
  const body = parseBody(ctx);
  if (!body.ok) return;
  const data = body.doc.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail(ctx, 'validation', 'data must be a resource object');
  if (typeof data.id !== 'string') return fail(ctx, 'validation', 'The required option "id" is missing.');
  const module = moduleFromType(data.type);
  if (!module) return fail(ctx, 'validation', `Module ${String(data.type)} does not exist`);
  if (urlModule !== undefined && (module !== urlModule || data.id.toLowerCase() !== urlId!.toLowerCase())) {
    return fail(ctx, 'conflict', 'type and id of the resource object do not match the endpoint');
  }
  if (urlModule === undefined && !gate(ctx, module, true)) return;
  const current = record(ctx, module, data.id);
  if (!current) return;
  const attrs = checkAttributes(ctx, module, data.attributes);
  if (!attrs) return;
  if (ctx.core.fault('jsonapi-update-clears-unsent')) {
    for (const k of Object.keys(current)) if (!(k in attrs) && k !== 'deleted' && k !== 'date_entered') current[k] = '';
  }
  Object.assign(current, attrs);
  const status = ctx.core.fault('jsonapi-update-201') ? 201 : 200;
  sendDocument(ctx, status, { data: resourceObject(ctx, module, data.id.toLowerCase(), current) });
}

/** PATCH /module (SuiteCRM's update route: type and id in the body). */
export function updateRecord(ctx: Ctx): void {
  update(ctx);
}

/** PATCH /module/{Module}/{id} (JSON:API §Updating Resources). */
export function updateRecordAtUrl(ctx: Ctx): void {
  if (ctx.core.fault('jsonapi-patch-only-at-module-root')) {
    return send(ctx, 405, '<html><body><h1>Method not allowed</h1><p>Must be one of: <strong>GET, DELETE</strong></p></body></html>', {
      'content-type': 'text/html;charset=UTF-8',
      allow: 'GET, DELETE',
    });
  }
  const { module, id } = ctx.params as { module: string; id: string };
  update(ctx, module, id);
}

export function deleteRecord(ctx: Ctx): void {
  const { module, id } = ctx.params as { module: string; id: string };
  if (!gate(ctx, module) || writeRefused(ctx)) return;
  const attrs = record(ctx, module, id);
  if (!attrs) return;
  if (!ctx.core.fault('jsonapi-delete-keeps-record')) attrs.deleted = '1';
  if (ctx.core.fault('jsonapi-delete-answers-resource')) return sendDocument(ctx, 200, { data: resourceObject(ctx, module, id.toLowerCase(), attrs) });
  sendDocument(ctx, 200, { meta: { message: `Record with id ${id} is deleted` } });
}

// ---------------------------------------------------------------- relationships

function relationshipTarget(ctx: Ctx, module: string, id: string, linkName: string): string | undefined {
  const target = MODULES[module]!.links[linkName];
  if (!target) {
    fail(ctx, 'not-found', `Cannot load relationship ${linkName} for ${MODULES[module]!.objectName} module`);
    return undefined;
  }
  return record(ctx, module, id) ? target : undefined;
}

export function getRelationship(ctx: Ctx): void {
  const { module, id, link: linkName } = ctx.params as { module: string; id: string; link: string };
  const principal = gate(ctx, module);
  if (!principal) return;
  const target = relationshipTarget(ctx, module, id, linkName);
  if (!target) return;
  // The related module's ACL applies as it does to a direct read (SuiteCRM 7.14 does not check it).
  if (denied(ctx, principal, target) && !ctx.core.fault('jsonapi-relationship-acl-ignored') && !ctx.core.fault('jsonapi-acl-ignored')) {
    return fail(ctx, ctx.core.fault('jsonapi-acl-400') ? 'validation' : 'forbidden', '[SuiteCRM] [AccessDeniedException] ');
  }
  const ids = relatedIds(ctx.core, module, id.toLowerCase(), linkName);
  if (ctx.core.fault('jsonapi-relationship-full-resources')) {
    const data = ids.map((rid) => ({
      type: MODULES[target]!.objectName,
      id: rid,
      attributes: live(ctx.core, target, rid)!,
      links: { self: `V8/module/${MODULES[target]!.objectName}/${rid}` },
    }));
    return sendDocument(ctx, 200, { meta: { 'total-records': data.length }, data });
  }
  const self = link(ctx, `/module/${module}/${id}/relationships/${linkName}`);
  sendDocument(ctx, 200, { links: { self, related: self }, data: ids.map((rid) => ({ type: typeOf(ctx.core, target), id: rid })) });
}

/** Resource identifiers of a relationship request body (object, or array unless refused). */
function identifiers(ctx: Ctx, data: unknown): { type: unknown; id: unknown }[] | undefined {
  if (Array.isArray(data)) {
    if (ctx.core.fault('jsonapi-relationship-post-single-object')) {
      fail(ctx, 'validation', 'The option "0" does not exist. Defined options are: "id", "type".');
      return undefined;
    }
    return data as { type: unknown; id: unknown }[];
  }
  if (data && typeof data === 'object') return [data as { type: unknown; id: unknown }];
  fail(ctx, 'validation', 'data must be a resource identifier object or an array of them');
  return undefined;
}

function addRelationship(ctx: Ctx, module: string, id: string, linkName: string | undefined): void {
  if (!gate(ctx, module, true) || writeRefused(ctx)) return;
  const body = parseBody(ctx);
  if (!body.ok) return;
  const ids = identifiers(ctx, body.doc.data);
  if (!ids) return;
  const name = linkName ?? Object.entries(MODULES[module]!.links).find(([, m]) => m === moduleFromType(ids[0]?.type))?.[0] ?? '';
  const target = relationshipTarget(ctx, module, id, name);
  if (!target) return;
  for (const ri of ids) {
    if (moduleFromType(ri.type) !== target || typeof ri.id !== 'string' || !live(ctx.core, target, ri.id)) {
      return fail(ctx, 'not-found', `${target} module with id ${String(ri.id)} is not found`);
    }
  }
  for (const ri of ids) {
    const rid = (ri.id as string).toLowerCase();
    links(ctx.core).add(module === 'Accounts' ? `${id.toLowerCase()}|${rid}` : `${rid}|${id.toLowerCase()}`);
  }
  if (ctx.core.fault('jsonapi-relationship-post-201') || linkName === undefined) {
    return sendDocument(ctx, 201, { meta: { message: `${target} record(s) related to ${module} record with id ${id} using link ${name}` }, data: [] });
  }
  send(ctx, 204, '');
}

export function postRelationship(ctx: Ctx): void {
  const { module, id, link: linkName } = ctx.params as { module: string; id: string; link: string };
  addRelationship(ctx, module, id, linkName);
}

/** POST /module/{Module}/{id}/relationships: the link follows from the body's type (SuiteCRM, OpenAPI: 201). */
export function postRelationshipByType(ctx: Ctx): void {
  const { module, id } = ctx.params as { module: string; id: string };
  addRelationship(ctx, module, id, undefined);
}

export function deleteRelationship(ctx: Ctx): void {
  const { module, id, link: linkName, relatedId } = ctx.params as { module: string; id: string; link: string; relatedId: string };
  if (!gate(ctx, module) || writeRefused(ctx)) return;
  const target = relationshipTarget(ctx, module, id, linkName);
  if (!target) return;
  const key = module === 'Accounts' ? `${id.toLowerCase()}|${relatedId.toLowerCase()}` : `${relatedId.toLowerCase()}|${id.toLowerCase()}`;
  if (!links(ctx.core).has(key)) return fail(ctx, 'not-found', `Module with ${relatedId} id is not related to ${MODULES[module]!.objectName}`);
  if (!ctx.core.fault('jsonapi-relationship-delete-ignored')) links(ctx.core).delete(key);
  sendDocument(ctx, 200, { meta: { message: `Relationship has been deleted between ${module} with id ${id} and ${target} with id ${relatedId}` } });
}

// ---------------------------------------------------------------- meta, logout

export function metaModules(ctx: Ctx): void {
  const principal = gate(ctx, undefined);
  if (!principal) return;
  const attributes = Object.fromEntries(
    Object.keys(MODULES)
      .filter((m) => ctx.core.fault('jsonapi-acl-ignored') || !principal.user.deniedModules?.includes(m))
      .map((m) => [m, { label: m, access: ['access', 'delete', 'edit', 'export', 'import', 'list', 'massupdate', 'view'] }]),
  );
  sendDocument(ctx, 200, { data: { type: 'modules', id: 'modules', attributes } });
}

/** GET /V8/meta/swagger.json: the API's OpenAPI description, for any valid token (as SuiteCRM). */
export function swaggerDocument(ctx: Ctx): void {
  if (gate(ctx, undefined)) openApiDocument(ctx);
}

export function metaFields(ctx: Ctx): void {
  const module = ctx.params.module!;
  if (!gate(ctx, module)) return;
  const attributes = Object.fromEntries(MODULES[module]!.fields.map((f) => [f, { type: f === 'date_entered' ? 'datetime' : 'varchar', required: f === 'name' || f === 'last_name' }]));
  sendDocument(ctx, 200, { data: { type: 'fields', id: module, attributes } });
}

/** GET /V8/user-preferences/{id}: one's own preferences; another user's only for an admin. */
export function userPreferences(ctx: Ctx): void {
  const principal = gate(ctx, undefined);
  if (!principal) return;
  const id = ctx.params.id!.toLowerCase();
  const user = ctx.core.users.get(id);
  if (!user) return fail(ctx, ctx.core.fault('jsonapi-not-found-400') ? 'validation' : 'not-found', `Users module with id ${id} is not found`);
  if (user.id !== principal.user.id && !principal.user.isAdmin && !ctx.core.fault('user-preferences-readable-by-others')) {
    return fail(ctx, ctx.core.fault('jsonapi-acl-400') ? 'validation' : 'forbidden', '[SuiteCRM] [AccessDeniedException] ');
  }
  const global = { user_name: user.userName, timezone: 'UTC', currency: '-99', date_format: 'Y-m-d', email_link_type: 'sugar' };
  sendDocument(ctx, 200, { data: { type: 'UserPreference', id: user.id, attributes: { global } } });
}

export function logout(ctx: Ctx): void {
  const principal = authenticate(ctx);
  if (!principal) return;
  if (principal.row) principal.row.loggedOut = true;
  sendDocument(ctx, 200, { meta: { message: 'You have been successfully logged out' }, data: [] });
}
