import type { CompiledBundle } from '../compile/compileBundle.js';
import { buttonGuardKey } from '../compile/compileBundle.js';
import { guardKey } from '../compile/compileFlow.js';
import type { ButtonType } from '../../definitions/schemas/index.js';
import { engineError, type EngineError } from '../errors.js';
import type { Actor, TicketWorld } from '../model/state.js';
import { buildFacts } from './facts.js';
import { flowOf } from './flowOf.js';
import { permissionError } from './permissions.js';
import { Refusal } from './Refusal.js';
import type { EntityRef } from './types.js';
import { WorldDraft } from './WorldDraft.js';

export interface AvailableAction {
  readonly button: string;
  readonly name: string;
  readonly group: string;
  readonly order: number;
  /** Whether the actor may press it now. */
  readonly allowed: boolean;
  /** Why not (role, scope or the rule that hides it: 显隐控制). */
  readonly reason?: EngineError;
}

/**
 * Which buttons an actor sees on a ticket, task or application and, for those hidden, why
 * (SPEC HND-1 显隐控制, issue: "which buttons a user sees … and why not").
 */
export async function availableActions(cb: CompiledBundle, world: TicketWorld, ref: EntityRef, actor: Actor): Promise<AvailableAction[]> {
  const draft = new WorldDraft(world);
  const flowId = flowOf(draft, ref);
  const compiled = cb.flows[flowId];
  const node = draft.nodeOf(ref);
  if (!compiled) return [];
  const out: AvailableAction[] = [];
  // the same facts for every button at this node: built once, when the first button needs them
  let facts: Record<string, unknown> | undefined;
  // refusals are returned rather than thrown (an Error per hidden button cost more than deciding it)
  const refusal = async (button: ButtonType, event: string): Promise<EngineError | undefined> => {
    const followed = ref.kind === 'ticket' ? draft.ticket.mergedInto : ref.kind === 'task' ? draft.task(ref.id).mergedInto : undefined;
    if (followed) return engineError('ENG_FOLLOWER_LOCKED', { id: ref.id, main: followed });
    const forbidden = permissionError(cb, draft, ref, button, actor);
    if (forbidden) return forbidden;
    facts ??= buildFacts(cb, draft, ref, actor, {});
    const { passed } = await cb.guardEngine(flowId, node, event).run(facts);
    const hidden = (button.visibleWhen ?? []).find((g) => !passed.has(buttonGuardKey(g.id)));
    if (hidden) return engineError('ENG_RULE_REFUSED', { rule: hidden.id, reason: hidden.reason['zh-CN'], reasonEn: hidden.reason['en-US'] ?? hidden.reason['zh-CN'] });
    const candidates = compiled.candidates.get(`${node}|${event}`) ?? [];
    const open = candidates.find((t) => t.guards.every((g) => passed.has(guardKey(t, g))));
    if (open) return undefined;
    const failing = candidates.flatMap((t) => t.guards.filter((g) => !passed.has(guardKey(t, g))))[0];
    return engineError('ENG_RULE_REFUSED', { rule: failing?.id ?? event, reason: failing?.reason['zh-CN'] ?? '', reasonEn: failing?.reason['en-US'] ?? failing?.reason['zh-CN'] ?? '' });
  };
  for (const event of compiled.eventsAt.get(node) ?? []) {
    const button = cb.buttons[event];
    if (!button || !button.enabled) continue;
    const base = { button: button.id, name: button.name, group: button.group, order: button.order ?? 0 };
    let reason: EngineError | undefined;
    try {
      reason = await refusal(button, event);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      reason = e.error;
    }
    out.push(reason ? { ...base, allowed: false, reason } : { ...base, allowed: true });
  }
  return out.sort((a, b) => a.order - b.order);
}
