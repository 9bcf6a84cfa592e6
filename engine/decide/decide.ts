import { transition, type AnyStateMachine } from 'xstate';
import type { ButtonType } from '../../definitions/schemas/index.js';
import { buttonGuardKey, type CompiledBundle } from '../compile/compileBundle.js';
import { guardKey } from '../compile/compileFlow.js';
import { effectRegistry } from '../effects/registry.js';
import type { Effect } from '../../definitions/schemas/index.js';
import type { Actor, TicketWorld } from '../model/state.js';
import { moveClocks, syncOverallPause } from './clocks.js';
import { buildFacts } from './facts.js';
import { flowOf } from './flowOf.js';
import { newTicket } from './newTicket.js';
import { checkPermission } from './permissions.js';
import { decidingTasks } from './progress.js';
import { Refusal } from './Refusal.js';
import type { Action, DecideResult, EntityRef, IdSource, Registration } from './types.js';
import { validatePayload } from './validatePayload.js';
import { WorldDraft } from './WorldDraft.js';

const MAX_CASCADE = 64;

interface StepInput {
  readonly ref: EntityRef;
  readonly event: string;
  readonly actor?: Actor;
  readonly opinion?: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly data?: Readonly<Record<string, unknown>>;
  /** A user's button press: refusals are errors. Internal events that match nothing are ignored. */
  readonly byUser: boolean;
  readonly button?: ButtonType;
}

type MachineAction = { readonly type: string; readonly params?: unknown };
interface MachineStep {
  readonly value: string;
  readonly actions: readonly MachineAction[];
}

/** Memo of machineStep per compiled machine (the machines are flat, without context: a step depends on node, event and guards only). */
const steps = new WeakMap<AnyStateMachine, Map<string, MachineStep>>();

/**
 * The machine's transition from `node` on `event` with the guards that passed: XState's pure
 * transition(), remembered per (node, event, passed guards) since resolving a snapshot and running
 * a transition cost more than the rest of a step.
 */
function machineStep(machine: AnyStateMachine, node: string, event: string, passed: ReadonlySet<string>): MachineStep {
  let memo = steps.get(machine);
  if (!memo) {
    memo = new Map();
    steps.set(machine, memo);
  }
  const ids = [...passed].sort();
  const key = JSON.stringify([node, event, ids]);
  let found = memo.get(key);
  if (!found) {
    const snapshot = machine.resolveState({ value: node, context: {} });
    const [next, executable] = transition(machine, snapshot, { type: event, passed: ids });
    found = { value: String(next.value), actions: executable as unknown as MachineAction[] };
    memo.set(key, found);
  }
  return found;
}

async function step(cb: CompiledBundle, draft: WorldDraft, input: StepInput, now: number, ids: IdSource): Promise<void> {
  const { ref, event } = input;
  const flowId = flowOf(draft, ref);
  const compiled = cb.flows[flowId];
  const node = draft.nodeOf(ref);
  const candidates = compiled?.candidates.get(`${node}|${event}`);
  if (!compiled || !candidates) {
    if (input.byUser) throw new Refusal('ENG_NOT_AVAILABLE', { button: event, node: cb.bindingOf(flowId, node)?.statusText ?? node });
    return;
  }
  const extra = input.data?.application ? { application: draft.application(String(input.data.application)) } : {};
  const facts = { ...buildFacts(cb, draft, ref, input.actor, { ...input.payload }), ...extra };
  const { passed } = await cb.guardEngine(flowId, node, event).run(facts);

  for (const g of input.button?.visibleWhen ?? []) {
    if (!passed.has(buttonGuardKey(g.id))) throw new Refusal('ENG_RULE_REFUSED', { rule: g.id, reason: g.reason['zh-CN'] });
  }
  const { value: nextValue, actions } = machineStep(compiled.machine, node, event, passed);
  const taken = actions.find((a) => a.type === 'taken');
  if (!taken) {
    if (!input.byUser) return;
    const failing = candidates.flatMap((t) => t.guards.filter((g) => !passed.has(guardKey(t, g))))[0];
    throw new Refusal('ENG_RULE_REFUSED', { rule: failing?.id ?? event, reason: failing?.reason['zh-CN'] ?? '' });
  }
  const index = (taken.params as { index: number }).index;
  const definition = compiled.flow.transitions[index]!;
  const to = definition.to ? nextValue : node;
  draft.trace.push(`${ref.kind} ${ref.id}: ${node} --${event}--> ${to} (transition #${index})`);

  const notes: Record<string, unknown> = { ...(input.data ?? {}) };
  if (definition.to) {
    for (const service of compiled.nodes[node]?.exitServices ?? []) {
      draft.effects.push({ type: 'callService', service, ticket: draft.ticket.id, entity: ref, phase: 'exit', node });
    }
    draft.patch(ref, ref.kind === 'ticket' ? { node: to, assignee: undefined } : { node: to });
    moveClocks(cb, draft, ref, flowId, node, to, now, true);
    for (const service of compiled.nodes[to]?.entryServices ?? []) {
      draft.effects.push({ type: 'callService', service, ticket: draft.ticket.id, entity: ref, phase: 'entry', node: to });
    }
  }
  const ctx = {
    cb, draft, ref, now, ids, payload: input.payload,
    ...(input.actor ? { actor: input.actor } : {}),
    ...(input.opinion ? { opinion: input.opinion } : {}),
    ...(input.data ? { data: input.data } : {}),
    note: (data: Readonly<Record<string, unknown>>) => Object.assign(notes, data),
  };
  for (const action of actions) {
    if (action.type !== 'effect') continue;
    const effect = action.params as Effect;
    const handler = effectRegistry[effect.type];
    if (!handler) throw new Refusal('ENG_UNKNOWN_REFERENCE', { kind: 'effect', id: effect.type });
    handler(ctx, effect.params ?? {});
  }
  draft.history.push({
    id: ids(), ticket: draft.ticket.id, entity: ref, event, fromNode: node, toNode: to, center: draft.ticket.center, at: now,
    ...(input.actor ? { actor: { user: input.actor.user, department: input.actor.department } } : {}),
    ...(input.opinion ? { opinion: input.opinion } : {}),
    ...(Object.keys(notes).length > 0 || Object.keys(input.payload).length > 0 ? { data: { ...input.payload, ...notes } } : {}),
  });
  if (ref.kind === 'task' && definition.to && node !== to) {
    syncOverallPause(draft, decidingTasks(draft.ticket, [...draft.tasks.values()]), now);
    draft.emit({ kind: 'ticket', id: draft.ticket.id }, '$tasks.settled');
  }
}

/**
 * The engine's one decision function (DESIGN principle 3): given a compiled bundle, a ticket's world
 * (absent for a registration), an action, the time and an id source, returns the next state of every
 * entity touched, the history to append and the effects for the runtime. It performs nothing.
 */
export async function decide(
  cb: CompiledBundle,
  world: TicketWorld | undefined,
  action: Action,
  now: number,
  ids: IdSource,
  registration?: Registration,
): Promise<DecideResult> {
  try {
    const button = cb.buttons[action.button];
    if (!button) throw new Refusal('ENG_UNKNOWN_BUTTON', { button: action.button });
    if (!button.enabled) throw new Refusal('ENG_BUTTON_DISABLED', { button: button.name });
    let draft: WorldDraft;
    if (world) {
      draft = new WorldDraft(world);
    } else {
      if (!registration) throw new Refusal('ENG_NOT_FOUND', { entity: 'ticket', id: action.target.id });
      draft = new WorldDraft({ ticket: newTicket(cb, registration, action.actor, now, action.target.id || ids()), tasks: [], applications: [] }, true);
    }
    const ref: EntityRef = action.target.kind === 'ticket' ? { kind: 'ticket', id: draft.ticket.id } : action.target;
    const main = ref.kind === 'ticket' ? draft.ticket.mergedInto : ref.kind === 'task' ? draft.task(ref.id).mergedInto : undefined;
    if (main) throw new Refusal('ENG_FOLLOWER_LOCKED', { id: ref.id, main });
    checkPermission(cb, draft, ref, button, action.actor);
    const payload = action.payload ?? {};
    validatePayload(button, action.opinion, payload);

    await step(cb, draft, { ref, event: button.id, actor: action.actor, payload, byUser: true, button, ...(action.opinion ? { opinion: action.opinion } : {}) }, now, ids);
    for (let i = 0; draft.queue.length > 0; i++) {
      if (i >= MAX_CASCADE) throw new Error(`internal events did not settle after ${MAX_CASCADE} steps`);
      const queued = draft.queue.shift()!;
      await step(cb, draft, { ref: queued.target, event: queued.event, actor: action.actor, payload: {}, byUser: false, ...(queued.data ? { data: queued.data } : {}) }, now, ids);
    }
    const { world: next, changes } = draft.finish();
    return { ok: true, world: next, changes, history: draft.history, effects: draft.effects, trace: draft.trace };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    throw e;
  }
}
