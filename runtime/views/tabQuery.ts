import type { Knex } from '@mikro-orm/knex';
import type { View, ViewTab } from '../../definitions/schemas/index.js';
import type { Viewer } from '../../engine/index.js';
import { APPLICATION, entityTable, fieldRef, TASK, TICKET } from './fieldRef.js';
import { jsonSql, type Dialect } from './jsonSql.js';
import type { FilterValue, ListParams } from './listParams.js';
import { Predicates } from './predicates.js';
import { onlyMineSql, scopeSql } from './scopeSql.js';
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
 * (applications also with their task), filtered by the tab's nodes, application kinds, scope
 * and where clauses, the request's filters, search and 仅看与我有关; counted with the same where.
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
    parts.push(scopeSql(jsonSql(this.dialect), this.entity, query.scope, viewer, this.input.pooledNodes));
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

  /** FROM with the joins; WHERE applied. */
  private base(): Knex.QueryBuilder {
    const { table, alias } = entityTable(this.entity);
    let q = this.knex(`${table} as ${alias}`);
    if (this.entity !== 'ticket') q = q.join(`tickets as ${TICKET}`, `${TICKET}.id`, `${alias}.ticket_id`);
    if (this.entity === 'application') q = q.leftJoin(`tasks as ${TASK}`, `${TASK}.id`, `${APPLICATION}.task_id`);
    return this.where === TRUE ? q : q.whereRaw(this.where.sql, [...this.where.bindings]);
  }

  async count(): Promise<number> {
    if (this.where === FALSE) return 0;
    const rows = (await this.base().count({ n: '*' })) as { n: number | string }[];
    return Number(rows[0]?.n ?? 0);
  }

  /** One page in the requested order (ties broken by id, so pages never overlap). */
  async rows(offset: number, limit: number): Promise<StoredRow[]> {
    if (this.where === FALSE) return [];
    const { alias } = entityTable(this.entity);
    const columns = [`${alias}.id as id`, `${alias}.state as state`, `${TICKET}.state as ticket_state`];
    if (this.entity === 'application') columns.push(`${TASK}.state as task_state`);
    let q = this.base().select(columns);
    const sort = this.input.params.sort;
    if (sort) {
      const ref = fieldRef(this.entity, sort.field);
      if (ref.kind === 'column') q = q.orderByRaw(`${ref.column} ${sort.dir === 'desc' ? 'desc' : 'asc'}`);
    }
    q = q.orderBy(`${alias}.id`, 'asc').offset(offset).limit(limit);
    const rows = (await q) as { id: string; state: unknown; ticket_state: unknown; task_state?: unknown }[];
    return rows.map((r) => ({ id: String(r.id), state: r.state, ticketState: r.ticket_state, ...(r.task_state === undefined ? {} : { taskState: r.task_state }) }));
  }

  /** Every matching id (tests compare them with the engine's matchesTab). */
  async ids(): Promise<string[]> {
    if (this.where === FALSE) return [];
    const { alias } = entityTable(this.entity);
    const rows = (await this.base().select(`${alias}.id as id`).orderBy(`${alias}.id`)) as { id: string }[];
    return rows.map((r) => String(r.id));
  }
}
