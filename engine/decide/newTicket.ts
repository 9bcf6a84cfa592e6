import type { CompiledBundle } from '../compile/compileBundle.js';
import type { Actor, TicketState } from '../model/state.js';
import { centerOf, communityOf } from '../org/index.js';
import { Refusal } from './Refusal.js';
import type { Registration } from './types.js';

/** A ticket at its flow's initial node, before the registration button moves it (ACC-1). */
export function newTicket(cb: CompiledBundle, reg: Registration, actor: Actor, now: number, id: string): TicketState {
  const { defs } = cb.bundle;
  const domain = defs.domain[reg.domain];
  if (!domain || !domain.enabled) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/domain', reason: `domain ${reg.domain} is unknown or disabled` });
  const item = defs.item[reg.item];
  if (!item || !item.enabled) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/item', reason: `item ${reg.item} is unknown or disabled` });
  if (!item.domains.some((d) => d.domain === reg.domain)) {
    throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/item', reason: `item ${item.name} is not linked to domain ${domain.name}` });
  }
  if (reg.grid && !cb.org.grids.has(reg.grid)) throw new Refusal('ENG_INVALID_PAYLOAD', { pointer: '/grid', reason: `grid ${reg.grid} is unknown` });
  const flow = cb.flows[domain.flow];
  if (!flow) throw new Refusal('ENG_UNKNOWN_REFERENCE', { kind: 'flow', id: domain.flow });
  const home = reg.source === 'grid' ? communityOf(cb.org, actor.department)?.id ?? actor.department : actor.department;
  const center = centerOf(cb.org, home)?.id;
  if (!center) throw new Refusal('ENG_OUT_OF_SCOPE', { entity: 'ticket', where: actor.department });
  const source = reg.source ?? 'center';
  return {
    id, number: reg.number, bundleHash: cb.bundle.hash, domain: reg.domain, item: reg.item, flow: domain.flow,
    node: flow.flow.initial, center, trail: [{ center, via: 'register', at: now }], source, origin: source,
    channel: reg.channel, reportedAt: reg.reportedAt, registeredAt: now, registeredBy: actor.user, title: reg.title,
    ...(reg.grid ? { grid: reg.grid } : {}),
    // a grid report returned by the center goes back to the worker who made it (view.acc.grid#returned)
    ...(source === 'grid' ? { gridWorker: actor.user } : {}),
    urgency: reg.urgency ?? 'normal', difficult: reg.difficult ?? false, callbackWanted: reg.callbackWanted ?? false,
    confidential: reg.confidential ?? false, returned: false, fields: { ...(reg.fields ?? {}) }, clocks: {}, version: 0,
  };
}
