import type { Knex } from '@mikro-orm/knex';
import type { View, ViewTab } from '../../definitions/schemas/index.js';
import type { Viewer } from '../../engine/index.js';
import { APPLICATION, entityTable, fieldRef, TASK, TICKET } from './fieldRef.js';
import { jsonSql, type Dialect } from './jsonSql.js';
import type { FilterValue, ListParams } from './listParams.js';
import { Predicates } from './predicates.js';
import { onlyMineSql, scopeSql } from './scopeSql.js';
import { selectRows } from '../db/directSql.js';
import { and, containsPattern, FALSE, or, placeholders, sql, TRUE, type Sql } from './sqlFragment.js';

export interface TabQueryInput {
  readonly view: View;
  readonly tab: ViewTab;
  readonly viewer: Viewer;
  /** Nodes pooled at the viewer's center (engine pooledNodes): only their extractor lists them. */
  readonly pooledNodes: ReadonlySet<string>;
  readonly params: Pick<ListParams, 'onlyMine' | 'q' | 'filters' | 'sort'>;
}

/** One listed row as read: the entity's id and state with its ticket (and, for applications, its task). */
export interface StoredRow {
  readonly id: string;
  readonly state: unknown;
  readonly ticketState: unknown;
  readonly taskState?: unknown;
}

/**
 * A view tab as one indexed SQL query (no N+1): the listed entity's table joined with its ticket
 * (applications also with their task), filtered by the tab's nodes, application kinds, scope (X-3)
 * and where clauses, the request's filters, search and 仅看与我有关; counted with the same where.
 * The statement text goes straight to the driver (runtime/db/directSql): a list request is two
 * queries, and knex's building and running cost as much as SQLite's answering them.
 */
export class TabQuery {
  private readonly predicates: Predicates;
  readonly where: Sql;

  constructor(private readonly knex: Knex, private readonly dialect: Dialect, private readonly input: TabQueryInput) {
    this.predicates = new Predicates(jsonSql(dialect));
    this.where = this.buildWhere();
  }

  private get entity(): View['entity'] {
    return this.input.view.entity;
  }

  private buildWhere(): Sql {
    const { tab, viewer, params } = this.input;
    const { query } = tab;
    const alias = entityTable(this.entity).alias;
    const parts: Sql[] = [];
    if (query.nodes) parts.push(query.nodes.length === 0 ? FALSE : sql(`${alias}.node in (${placeholders(query.nodes)})`, query.nodes));
    if (query.applicationKinds) {
      const kinds = query.applicationKinds;
      parts.push(this.entity !== 'application' || kinds.length === 0 ? FALSE : sql(`${APPLICATION}.kind in (${placeholders(kinds)})`, kinds));
    }
    const ticketNodes = this.entity === 'ticket' ? query.nodes : undefined;
    parts.push(scopeSql(jsonSql(this.dialect), this.entity, query.scope, viewer, this.input.pooledNodes, ticketNodes));
    for (const c of query.where ?? []) parts.push(this.predicates.clause(fieldRef(this.entity, c.field), c));
    if (params.onlyMine) parts.push(onlyMineSql(this.entity, viewer.user));
    if (params.q) {
      const pattern = containsPattern(params.q);
      parts.push(or([sql(`${TICKET}.number like ? escape '!'`, [pattern]), sql(`${TICKET}.title like ? escape '!'`, [pattern])]));
    }
    for (const f of params.filters) parts.push(this.filter(f));
    return and(parts);
  }

  private filter(f: FilterValue): Sql {
    const ref = fieldRef(this.entity, f.filter.field);
    switch (f.kind) {
      case 'contains': return this.predicates.contains(ref, f.text);
      case 'equals': return this.predicates.selected(ref, f.raw);
      case 'range': return this.predicates.between(ref, f.from, f.to);
    }
  }

  /**
   * FROM with the joins, WHERE applied. `lean` (a count, or the ids of a page) leaves out a join
   * neither the WHERE nor `also` (the ORDER BY) uses: a task or an application always has its ticket
   * (written in the same transaction, never deleted) and at most one task, so the join cannot change
   * how many rows there are, only what it costs.
   */
  private from(lean = false, also = ''): string {
    const { table, alias } = entityTable(this.entity);
    const uses = (a: string) => !lean || new RegExp(`(^|[^A-Za-z0-9_])${a}\\.`).test(`${this.where.sql} ${also}`);
    let from = `\`${table}\` as ${alias}`;
    if (this.entity !== 'ticket' && uses(TICKET)) from += ` inner join \`tickets\` as ${TICKET} on ${TICKET}.id = ${alias}.ticket_id`;
    if (this.entity === 'application' && uses(TASK)) from += ` left join \`tasks\` as ${TASK} on ${TASK}.id = ${APPLICATION}.task_id`;
    return this.where === TRUE ? from : `${from} where ${this.where.sql}`;
  }

  async count(): Promise<number> {
    if (this.where === FALSE) return 0;
    const rows = await selectRows<{ n: number | string | bigint }>(this.knex, `select count(*) as n from ${this.from(true)}`, this.where.bindings);
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * ORDER BY of the tab: its sort column if it is one, ties by id in the same direction. `reversed`
   * turns every direction (a page near the end is read from the end).
   */
  private orderBy(reversed = false): string {
    const { alias } = entityTable(this.entity);
    const order: string[] = [];
    const sort = this.input.params.sort;
    const dir = (sort?.dir === 'desc') !== reversed ? 'desc' : 'asc';
    if (sort) {
      const ref = fieldRef(this.entity, sort.field);
      if (ref.kind === 'column') order.push(`${ref.column} ${dir}`);
    }
    // ties go by id in the same direction: an index on the sort column (which holds the id after
    // it) then yields the page in order, instead of a sort of every matching row
    order.push(`${alias}.id ${dir}`);
    return order.join(', ');
  }

  /** The listed rows' columns: ids and states (a ticket row's state is its ticket's: read once). */
  private columns(): string {
    const { alias } = entityTable(this.entity);
    const columns = [`${alias}.id as id`, `${alias}.state as state`, ...(this.entity === 'ticket' ? [] : [`${TICKET}.state as ticket_state`])];
    if (this.entity === 'application') columns.push(`${TASK}.state as task_state`);
    return columns.join(', ');
  }

  /** The entity's table with its ticket (and task) joined, plus `join` right after the entity's table. */
  private joined(join = ''): string {
    const { table, alias } = entityTable(this.entity);
    let joined = `\`${table}\` as ${alias}${join}`;
    if (this.entity !== 'ticket') joined += ` inner join \`tickets\` as ${TICKET} on ${TICKET}.id = ${alias}.ticket_id`;
    if (this.entity === 'application') joined += ` left join \`tasks\` as ${TASK} on ${TASK}.id = ${APPLICATION}.task_id`;
    return joined;
  }

  /**
   * A page, as a deferred join: the page's ids are sorted and cut first (from indexes alone where they
   * hold the sort and the where, as tickets_reported_at_id_node_index does for 已分拨), and only the
   * page's rows are then read with their states. Read whole, every row up to the offset was read:
   * SQLite's sorter carried each one's JSON (1.6 s for a page 20,000 rows into 已分拨), MariaDB read
   * each one to test its node (1.4 s 13,000 rows in; 0.06 s so).
   */
  private rowsSql(offset: number, limit: number, reversed = false): { sql: string; bindings: readonly unknown[] } {
    const { alias } = entityTable(this.entity);
    const orderBy = this.orderBy(reversed);
    const page = `select ${alias}.id as page_id from ${this.from(true, orderBy)} order by ${orderBy} limit ? offset ?`;
    const sql = `select ${this.columns()} from ${this.joined(` inner join (${page}) as p on p.page_id = ${alias}.id`)} order by ${orderBy}`;
    return { sql, bindings: [...this.where.bindings, limit, offset] };
  }

  /** The page's statement, read from the end when `total` puts the page past the middle. */
  private pageSql(offset: number, limit: number, total?: number): { sql: string; bindings: readonly unknown[]; fromEnd: boolean } {
    if (total === undefined || offset <= total / 2) return { ...this.rowsSql(offset, limit), fromEnd: false };
    return { ...this.rowsSql(Math.max(0, total - offset - limit), Math.max(0, Math.min(limit, total - offset)), true), fromEnd: true };
  }

  private stored(r: { id: string; state: unknown; ticket_state?: unknown; task_state?: unknown }): StoredRow {
    return {
      id: String(r.id), state: r.state, ticketState: this.entity === 'ticket' ? r.state : r.ticket_state,
      ...(r.task_state === undefined ? {} : { taskState: r.task_state }),
    };
  }

  /** Every matching id in the tab's order, without states (an export reads the rows by id in batches). */
  async orderedIds(): Promise<string[]> {
    if (this.where === FALSE) return [];
    const { alias } = entityTable(this.entity);
    const orderBy = this.orderBy();
    const rows = await selectRows<{ id: string }>(this.knex, `select ${alias}.id as id from ${this.from(true, orderBy)} order by ${orderBy}`, this.where.bindings);
    return rows.map((r) => String(r.id));
  }

  /** The rows of these ids, in the order given (ids no longer there are left out). */
  async rowsByIds(ids: readonly string[]): Promise<StoredRow[]> {
    if (ids.length === 0) return [];
    const { alias } = entityTable(this.entity);
    const rows = await selectRows<{ id: string; state: unknown; ticket_state?: unknown; task_state?: unknown }>(
      this.knex, `select ${this.columns()} from ${this.joined()} where ${alias}.id in (${placeholders(ids)})`, ids,
    );
    const byId = new Map(rows.map((r) => [String(r.id), this.stored(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * One page in the requested order (ties broken by id, so pages never overlap). Given the list's
   * `total`, a page past the middle is read in the reverse order from the end and turned round: an
   * offset walks every row before it, so the last page costs what the first does.
   */
  async rows(offset: number, limit: number, total?: number): Promise<StoredRow[]> {
    if (this.where === FALSE) return [];
    const { sql: text, bindings, fromEnd } = this.pageSql(offset, limit, total);
    const rows = await selectRows<{ id: string; state: unknown; ticket_state?: unknown; task_state?: unknown }>(this.knex, text, bindings);
    const stored = rows.map((r) => this.stored(r));
    return fromEnd ? stored.reverse() : stored;
  }

  /** Every matching id (tests compare them with the engine's matchesTab). */
  async ids(): Promise<string[]> {
    if (this.where === FALSE) return [];
    const { alias } = entityTable(this.entity);
    const rows = await selectRows<{ id: string }>(this.knex, `select ${alias}.id as id from ${this.from()} order by ${alias}.id asc`, this.where.bindings);
    return rows.map((r) => String(r.id));
  }

  /** The SQL of count() and of rows() for a page (benchmarks time them and print their query plans). */
  statements(pageSize: number, offset = 0, total?: number): { readonly sql: string; readonly bindings: readonly unknown[] }[] {
    if (this.where === FALSE) return [];
    const { sql, bindings } = this.pageSql(offset, pageSize, total);
    return [{ sql: `select count(*) as n from ${this.from(true)}`, bindings: this.where.bindings }, { sql, bindings }];
  }
}
