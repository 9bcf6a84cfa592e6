import type { ButtonType, Flow, StatusBinding, TimeLimit } from '../../definitions/schemas/index.js';
import type { Bundle } from '../definitions/bundleTypes.js';
import { buildOrgIndex, type OrgDefinitions, type OrgIndex } from '../org/index.js';
import type { ApplicationKind } from '../model/state.js';
import { compileFlow, guardKey, type CompiledFlow } from './compileFlow.js';
import { GuardEngine, type KeyedGuard } from '../rules/guardEngine.js';

/** A bundle made ready to run: machines, rule sets and indexes, built once per bundle version. */
export interface CompiledBundle {
  readonly bundle: Bundle;
  readonly org: OrgIndex;
  readonly flows: Readonly<Record<string, CompiledFlow>>;
  readonly buttons: Readonly<Record<string, ButtonType>>;
  readonly params: Readonly<Record<string, number | boolean | string>>;
  /** The status binding of a node (for applications, a kind-specific binding wins). */
  bindingOf(flow: string, node: string, kind?: ApplicationKind): StatusBinding | undefined;
  /** The json-rules-engine rule set for an event at a node, with the button's visibility rules. */
  guardEngine(flow: string, node: string, event: string): GuardEngine;
  timeLimit(id: string | undefined): TimeLimit | undefined;
}

export function buttonGuardKey(guardId: string): string {
  return `button:${guardId}`;
}

/**
 * Compiles a bundle. The organisation is live data in a running system: pass it to use the current
 * departments, grids and users instead of the ones the bundle was published with.
 */
export function compileBundle(bundle: Bundle, liveOrg?: OrgDefinitions): CompiledBundle {
  const { defs } = bundle;
  const { org } = buildOrgIndex(liveOrg ?? {
    departments: Object.values(defs.department),
    grids: Object.values(defs.grid),
    users: Object.values(defs.user),
    roles: Object.values(defs.role),
  });
  const flows: Record<string, CompiledFlow> = {};
  for (const flow of Object.values(defs.flow) as Flow[]) flows[flow.id] = compileFlow(flow);

  const params: Record<string, number | boolean | string> = {};
  for (const p of Object.values(defs.systemParameter)) params[p.id] = p.value;

  const bindings = new Map<string, StatusBinding>();
  for (const b of Object.values(defs.statusBinding)) {
    bindings.set(`${b.flow}|${b.node}|${b.applicationKind ?? ''}`, b);
  }

  const engines = new Map<string, GuardEngine>();
  return {
    bundle,
    org,
    flows,
    buttons: defs.buttonType,
    params,
    bindingOf(flow, node, kind) {
      return (kind && bindings.get(`${flow}|${node}|${kind}`)) || bindings.get(`${flow}|${node}|`);
    },
    guardEngine(flow, node, event) {
      const key = `${flow}|${node}|${event}`;
      let engine = engines.get(key);
      if (!engine) {
        const guards: KeyedGuard[] = [];
        for (const t of flows[flow]?.candidates.get(`${node}|${event}`) ?? []) {
          for (const g of t.guards) guards.push({ key: guardKey(t, g), guard: g });
        }
        for (const g of defs.buttonType[event]?.visibleWhen ?? []) guards.push({ key: buttonGuardKey(g.id), guard: g });
        engine = new GuardEngine(guards);
        engines.set(key, engine);
      }
      return engine;
    },
    timeLimit(id) {
      return id ? defs.timeLimit[id] : undefined;
    },
  };
}
