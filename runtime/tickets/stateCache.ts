import type { ApplicationState, Changes, TaskState, TicketState } from '../../engine/index.js';
import type { Q } from '../db/directSql.js';

export type StateKind = 'ticket' | 'task' | 'application';
type StateOf<K extends StateKind> = K extends 'ticket' ? TicketState : K extends 'task' ? TaskState : ApplicationState;

/** Entries kept per database (a few per running ticket). */
const CAPACITY = 20_000;

/**
 * The states this process committed, by kind, id and version, so that a world read that finds the
 * same version in the database takes the state from here instead of reading and parsing its JSON
 * again (reading and parsing the states was the largest share of an action's CPU after the SQL
 * itself). Only committed writes enter (TicketService, after its commit): every write moves the
 * version, so a state found under its version is the one the database holds. The states are the
 * engine's, which copies on write; nothing may change them (frozen under test).
 */
export class StateCache {
  private readonly entries = new Map<string, { readonly version: number; readonly state: unknown }>();
  private readonly followerLists = new Map<string, { readonly version: number; readonly ids: readonly string[] }>();

  get<K extends StateKind>(kind: K, id: string, version: number): StateOf<K> | undefined {
    const key = `${kind}:${id}`;
    const entry = this.entries.get(key);
    if (entry?.version !== version) return undefined;
    this.entries.delete(key); // least recently used goes first
    this.entries.set(key, entry);
    return entry.state as StateOf<K>;
  }

  /**
   * The tickets that followed `ticketId` (ACC-3/HND-3) when this process committed it at `version`,
   * or undefined. Followers join a main only in a transaction that moves the main's version (a merge
   * touches it), so the list holds every follower the ticket has at that version; one split off
   * since (a split does not touch the main) is still listed, and whoever reads the followers' worlds
   * checks that they still follow.
   */
  followers(ticketId: string, version: number): readonly string[] | undefined {
    const entry = this.followerLists.get(ticketId);
    return entry?.version === version ? entry.ids : undefined;
  }

  /** Keeps the states of a committed decision and the followers of its tickets as read in its transaction. */
  committed(changes: Changes, followers: ReadonlyMap<string, readonly string[]> = new Map()): void {
    for (const t of changes.tickets) {
      this.put('ticket', t.id, t.version, t);
      const ids = followers.get(t.id);
      this.followerLists.delete(t.id);
      if (ids) this.followerLists.set(t.id, { version: t.version, ids });
      if (this.followerLists.size > CAPACITY) this.followerLists.delete(this.followerLists.keys().next().value!);
    }
    for (const t of changes.tasks) this.put('task', t.id, t.version, t);
    for (const a of changes.applications) this.put('application', a.id, a.version, a);
  }

  private put(kind: StateKind, id: string, version: number, state: unknown): void {
    const key = `${kind}:${id}`;
    this.entries.delete(key);
    this.entries.set(key, { version, state: FREEZE ? deepFreeze(state) : state });
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}

const FREEZE = process.env.VITEST !== undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const caches = new WeakMap<object, StateCache>();

/**
 * The cache of the database behind `q`: a knex instance or a transaction on it, whose client is
 * knex's own or a copy of it that shares its configuration.
 */
export function stateCacheOf(q: Q): StateCache {
  const { client } = q as unknown as { client: { config: object } };
  let cache = caches.get(client.config);
  if (!cache) caches.set(client.config, (cache = new StateCache()));
  return cache;
}
