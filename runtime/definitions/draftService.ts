import type { Knex } from '@mikro-orm/knex';
import { definitionKinds } from '../../definitions/schemas/index.js';
import { validateDefinition, type Finding } from '../../engine/index.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { defaultFile, idOf, LINK_KIND, MANIFEST_KIND, type Draft } from './draftRows.js';
import { checkDelete, checkSave, refuseTicketData, type CatalogueContext } from './draftRules.js';
import type { DraftStore, StoredDraft } from './draftStore.js';

export interface DraftView {
  readonly kind: string;
  readonly id: string;
  readonly package: string;
  readonly file: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
  readonly definition: unknown;
}

export interface ListQuery {
  readonly q?: string;
  readonly package?: string;
  readonly enabled?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

const view = (d: StoredDraft): DraftView => ({ kind: d.kind, id: d.id, package: d.package, file: d.file, updatedAt: d.updatedAt, updatedBy: d.updatedBy, definition: d.content });

/** Whether any top-level text of a definition (id, name, code, login …) contains the search words. */
function matches(content: unknown, q: string): boolean {
  const needle = q.toLowerCase();
  return Object.values(content as Record<string, unknown>).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

function validationError(findings: readonly Finding[]): AppError {
  const first = findings[0];
  return new AppError('TG_ERR_VALIDATION', { detail: first ? `${first.pointer || '/'} ${first.message}` : 'invalid definition' }, {
    findings: findings.map((f) => ({ code: f.code, pointer: f.pointer, message: f.message, ...(f.params ? { params: f.params } : {}) })),
  });
}

/** Every definition kind with the JSON Schema its forms (@rjsf) and JSON editor validate against. */
export function kindList() {
  return definitionKinds.map((k) => ({
    kind: k.kind, title: (k.schema as { title?: string }).title ?? k.kind, files: k.files, identified: k.identified,
    idFormat: k.identified ? 'the definition\u2019s id' : '<item>@<domain>', schema: k.schema,
  }));
}

/** Reading and writing single drafts with the seed's catalogue and ticket-data rules. */
export class DraftService {
  constructor(private readonly store: DraftStore, private readonly clock: () => number) {}

  async list(kind: string, query: ListQuery) {
    await this.store.ensureSeeded();
    const all = (await this.store.ofKind(kind)).filter((d) =>
      (query.package === undefined || d.package === query.package) &&
      (query.enabled === undefined || ((d.content as { enabled?: unknown }).enabled !== false) === query.enabled) &&
      (!query.q || matches(d.content, query.q)));
    const offset = query.offset ?? 0;
    return { kind, total: all.length, items: all.slice(offset, offset + (query.limit ?? 200)).map(view) };
  }

  async get(kind: string, id: string): Promise<DraftView> {
    await this.store.ensureSeeded();
    const draft = await this.store.get(kind, id);
    if (!draft) throw new AppError('TG_ERR_NOT_FOUND', { what: `${kind} ${id}` });
    return view(draft);
  }

  /** Creates or replaces a draft; nothing is written when it does not validate or a rule refuses it. */
  async put(user: SessionUser, kind: string, id: string, content: unknown, pkg?: string): Promise<DraftView> {
    await this.store.ensureSeeded();
    const findings = validateDefinition(kind, content, '', '');
    const actualId = idOf(kind, content);
    if (findings.length === 0 && actualId !== id) {
      const at = kind === LINK_KIND ? '' : '/id';
      findings.push({ code: 'TG_ID_MISMATCH', severity: 'error', pointer: at, message: `names "${actualId ?? ''}", but the address names "${id}"` });
    }
    if (findings.length > 0) throw validationError(findings);
    return this.store.write(async (trx) => {
      const existing = await this.store.get(kind, id, trx);
      const target = pkg ?? existing?.package;
      if (!target || !(await this.store.get(MANIFEST_KIND, target, trx))) {
        throw validationError([{
          code: 'TG_UNKNOWN_PACKAGE', severity: 'error', pointer: '',
          message: target ? `package "${target}" does not exist` : 'a new definition needs ?package=<name> to say which package it joins',
        }]);
      }
      checkSave(kind, id, existing, content, await this.catalogue(kind, trx));
      let file = existing?.file;
      let position = existing?.position ?? 0;
      if (!existing || existing.package !== target) {
        const siblings = (await this.store.all(trx)).filter((d) => d.package === target);
        file = defaultFile(kind, id, siblings);
        position = Math.max(-1, ...siblings.filter((d) => d.file === file).map((d) => d.position)) + 1;
      }
      const draft: Draft = { kind, id, package: target, file: file!, position, content };
      await this.store.save(trx, draft, user.id, this.clock());
      return view((await this.store.get(kind, id, trx))!);
    });
  }

  /** Deletes a draft (and an item's domain links); refused while enabled, in use, or referenced by ticket data. */
  async remove(kind: string, id: string): Promise<{ deleted: { kind: string; id: string }[] }> {
    await this.store.ensureSeeded();
    return this.store.write(async (trx) => {
      const existing = await this.store.get(kind, id, trx);
      if (!existing) throw new AppError('TG_ERR_NOT_FOUND', { what: `${kind} ${id}` });
      checkDelete(kind, existing, await this.catalogue(kind, trx));
      const used = await this.store.ticketReferences(kind, id, trx);
      if (used > 0) throw refuseTicketData(kind, id, used);
      const deleted = [{ kind, id }];
      if (kind === 'item') {
        for (const link of await this.store.ofKind(LINK_KIND, trx)) {
          if ((link.content as { item?: string }).item !== id) continue;
          await this.store.remove(trx, LINK_KIND, link.id);
          deleted.push({ kind: LINK_KIND, id: link.id });
        }
      }
      await this.store.remove(trx, kind, id);
      return { deleted };
    });
  }

  private async catalogue(kind: string, trx: Knex.Transaction): Promise<CatalogueContext> {
    if (kind !== 'catalogueDirectory') return { directories: [], items: [] };
    return { directories: await this.store.ofKind('catalogueDirectory', trx), items: await this.store.ofKind('item', trx) };
  }
}
