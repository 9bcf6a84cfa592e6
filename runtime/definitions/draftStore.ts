import type { Knex } from '@mikro-orm/knex';
import type { BundleStore } from '../app/bundleStore.js';
import { parseJson } from '../tickets/rows.js';
import { draftsFromBundle, MANIFEST_KIND, type Draft } from './draftRows.js';

type Query = Knex | Knex.Transaction;

interface DraftRecord {
  kind: string; def_id: string; package: string; file: string; position: number; content: unknown; updated_at: number; updated_by: string;
}

export interface StoredDraft extends Draft {
  readonly updatedAt: number;
  readonly updatedBy: string;
}

function fromRecord(r: DraftRecord): StoredDraft {
  return {
    kind: r.kind, id: r.def_id, package: r.package, file: r.file, position: Number(r.position), content: parseJson(r.content),
    updatedAt: Number(r.updated_at), updatedBy: r.updated_by,
  };
}

function toRecord(d: Draft, by: string, now: number): DraftRecord {
  return { kind: d.kind, def_id: d.id, package: d.package, file: d.file, position: d.position, content: JSON.stringify(d.content), updated_at: now, updated_by: by };
}

/**
 * The `definition_drafts` table. Writes run in one transaction that first locks the manifest rows,
 * so rule checks (a directory is disabled only when nothing is linked to it …) see no concurrent edit.
 */
export class DraftStore {
  private seeded = false;

  constructor(
    private readonly knex: Knex, private readonly bundles: BundleStore, private readonly dialect: 'sqlite' | 'mariadb', private readonly clock: () => number,
  ) {}

  /** On first use the drafts start as the running bundle's definitions. */
  async ensureSeeded(): Promise<void> {
    if (this.seeded) return;
    if (!(await this.knex('definition_drafts').first('kind'))) {
      const { bundle } = await this.bundles.current();
      const drafts = draftsFromBundle(bundle);
      try {
        await this.knex.transaction(async (trx) => {
          if (await trx('definition_drafts').first('kind')) return;
          await this.insert(trx, drafts, 'system', this.clock());
        });
      } catch (e) {
        // another process seeded at the same time: its rows are as good as ours
        if (!(await this.knex('definition_drafts').first('kind'))) throw e;
      }
    }
    this.seeded = true;
  }

  async all(q: Query = this.knex): Promise<StoredDraft[]> {
    const rows = (await q('definition_drafts').select()) as DraftRecord[];
    return rows.map(fromRecord);
  }

  async ofKind(kind: string, q: Query = this.knex): Promise<StoredDraft[]> {
    const rows = (await q('definition_drafts').select().where({ kind }).orderBy('def_id')) as DraftRecord[];
    return rows.map(fromRecord);
  }

  async get(kind: string, id: string, q: Query = this.knex): Promise<StoredDraft | undefined> {
    const row = (await q('definition_drafts').select().where({ kind, def_id: id }).first()) as DraftRecord | undefined;
    return row ? fromRecord(row) : undefined;
  }

  /** Runs `work` in a transaction holding the drafts' write lock. */
  async write<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.knex.transaction(async (trx) => {
      // SQLite serialises writers itself; MariaDB needs the lock against write skew between checks and writes
      if (this.dialect === 'mariadb') await trx('definition_drafts').select('def_id').where({ kind: MANIFEST_KIND }).forUpdate();
      return work(trx);
    });
  }

  async save(trx: Knex.Transaction, draft: Draft, by: string, now: number): Promise<void> {
    const record = toRecord(draft, by, now);
    const updated = await trx('definition_drafts').where({ kind: draft.kind, def_id: draft.id }).update(record);
    if (updated === 0) await trx('definition_drafts').insert(record);
  }

  async remove(trx: Knex.Transaction, kind: string, id: string): Promise<void> {
    await trx('definition_drafts').where({ kind, def_id: id }).delete();
  }

  /** Replaces every draft (import). */
  async replaceAll(trx: Knex.Transaction, drafts: readonly Draft[], by: string, now: number): Promise<void> {
    await trx('definition_drafts').delete();
    await this.insert(trx, drafts, by, now);
  }

  private async insert(trx: Knex.Transaction, drafts: readonly Draft[], by: string, now: number): Promise<void> {
    const records = drafts.map((d) => toRecord(d, by, now));
    for (let i = 0; i < records.length; i += 50) await trx('definition_drafts').insert(records.slice(i, i + 50));
  }

  /** Ticket data that refers to a definition: tickets of an item or domain, tickets, tasks or applications on a flow. */
  async ticketReferences(kind: string, id: string, q: Query = this.knex): Promise<number> {
    const count = async (table: string, build: (qb: Knex.QueryBuilder) => Knex.QueryBuilder) => {
      const row = (await build(q(table)).count({ n: '*' }).first()) as { n: number | string } | undefined;
      return Number(row?.n ?? 0);
    };
    if (kind === 'item') return count('tickets', (qb) => qb.where({ item: id }));
    if (kind === 'domain') return count('tickets', (qb) => qb.where({ domain: id }));
    if (kind !== 'flow') return 0;
    const pattern = `%"flow":${JSON.stringify(id).replace(/[!%_]/g, (c) => `!${c}`)}%`;
    const onFlow = (qb: Knex.QueryBuilder) => qb.whereRaw(`state like ? escape '!'`, [pattern]);
    return (await count('tickets', (qb) => qb.where({ flow: id }))) + (await count('tasks', onFlow)) + (await count('applications', onFlow));
  }
}
