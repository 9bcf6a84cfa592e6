import type { CompiledBundle } from '../compile/compileBundle.js';
import type { EntityRef, IdSource } from '../decide/types.js';
import type { WorldDraft } from '../decide/WorldDraft.js';
import type { Actor } from '../model/state.js';

/** What an effect may read and change: the draft of the ticket's world, never anything outside. */
export interface EffectContext {
  readonly cb: CompiledBundle;
  readonly draft: WorldDraft;
  /** The entity whose transition runs the effect. */
  readonly ref: EntityRef;
  readonly actor?: Actor;
  readonly opinion?: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Data carried by an internal event (e.g. the application that was approved). */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly now: number;
  readonly ids: IdSource;
  /** Adds data to the history event of the transition (e.g. change records, warnings). */
  note(data: Readonly<Record<string, unknown>>): void;
}

export type EffectHandler = (ctx: EffectContext, params: Readonly<Record<string, unknown>>) => void;
