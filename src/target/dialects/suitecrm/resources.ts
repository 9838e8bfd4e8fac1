// The V8 module routes (JSON:API). The foundation needs list and read of Accounts to prove a token
// works; the resource issue grows this into the full CRUD surface.
import { randomUUID } from 'node:crypto';
import { sendDocument, type Ctx, type TargetCore } from '../../core.js';
import { authenticate, authenticateForModule } from './bearer.js';

/** SuiteCRM's JSON:API `type` is the bean's object name (singular). */
const OBJECT_NAME: Record<string, string> = { Accounts: 'Account', Contacts: 'Contact', Users: 'User' };

export function seedRecords(core: TargetCore): void {
  const accounts = new Map<string, Record<string, string>>();
  const names = ['Acme Alpha', 'Beta Industries', 'Gamma Logistics', 'Delta Health', 'Epsilon Energy', 'Zeta Retail', 'Eta Media'];
  names.forEach((name, i) => {
    const id = randomUUID();
    accounts.set(id, {
      name,
      industry: ['Energy', 'Retail', 'Media', 'Healthcare'][i % 4]!,
      account_type: 'Customer',
      date_entered: '2026-11-25T12:33:00+00:00',
      deleted: '0',
    });
  });
  core.records.set('Accounts', accounts);
}

function resourceObject(module: string, id: string, attrs: Record<string, string>) {
  return {
    type: OBJECT_NAME[module] ?? module,
    id,
    attributes: attrs,
    relationships: {
      Contacts: { links: { related: `V8/module/${module}/${id}/relationships/contacts` } },
    },
  };
}

function errorDocument(ctx: Ctx, status: number, detail: string): void {
  sendDocument(ctx, status, { errors: [{ status: String(status), title: status === 404 ? 'Not Found' : 'Bad Request', detail }] });
}

export function listModule(ctx: Ctx): void {
  if (!authenticateForModule(ctx)) return;
  const module = ctx.params.module!;
  const table = ctx.core.records.get(module);
  if (!table) return errorDocument(ctx, 400, `Module ${module} does not exist`);
  const rows = [...table.entries()].filter(([, a]) => a.deleted !== '1');
  const size = Number(ctx.url.searchParams.get('page[size]') ?? '20');
  const number = Number(ctx.url.searchParams.get('page[number]') ?? '1');
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(number) || number < 1) {
    return errorDocument(ctx, 400, 'The option "page" with value array is invalid.');
  }
  const slice = rows.slice((number - 1) * size, number * size);
  sendDocument(ctx, 200, { data: slice.map(([id, a]) => resourceObject(module, id, a)) });
}

export function readRecord(ctx: Ctx): void {
  if (!authenticateForModule(ctx)) return;
  const { module, id } = ctx.params as { module: string; id: string };
  const table = ctx.core.records.get(module);
  if (!table) return errorDocument(ctx, 400, `Module with name ${module} is not found`);
  const attrs = table.get(id);
  if (!attrs || attrs.deleted === '1') return errorDocument(ctx, 404, `${module} module with id ${id} is not found`);
  sendDocument(ctx, 200, { data: resourceObject(module, id, attrs) });
}

export function logout(ctx: Ctx): void {
  const principal = authenticate(ctx);
  if (!principal) return;
  if (principal.row) principal.row.loggedOut = true;
  sendDocument(ctx, 200, { meta: { message: 'You have been successfully logged out' }, data: [] });
}
