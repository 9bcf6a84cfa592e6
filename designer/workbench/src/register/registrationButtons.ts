import type { ButtonType } from '../../../../definitions/schemas/button';
import type { Domain } from '../../../../definitions/schemas/domain';
import type { FlowNames } from '../../../shared/catalogue/CatalogueContext';

export interface RegistrationButtons {
  /** 处办方式: the buttons at the flow's first node that carry an opinion (拟办意见), in button order. */
  methods: ButtonType[];
  /** 暂存: the button at the first node that takes no opinion (an unvalidated save), if the flow has one. */
  draft?: ButtonType;
}

/**
 * What a new ticket of this domain can be registered with: the buttons its flow offers at the initial
 * node (transitions by button from it to another node), enabled and open to one of the user's roles
 * (the button's own roles, else the role its status binding gives the node).
 */
export function registrationButtons(
  domain: Pick<Domain, 'flow'> | undefined, flows: readonly FlowNames[], button: (id: string) => ButtonType | undefined, roles: readonly string[],
  binding?: (flow: string, node: string) => { handlerType?: string; role?: string } | undefined,
): RegistrationButtons {
  const flow = flows.find((f) => f.id === domain?.flow);
  if (!flow?.initial) return { methods: [] };
  const initial = flow.initial;
  // buttons that take a new ticket somewhere from the initial node (not the generic "*" ones that leave it where it is)
  const ids = [...new Set((flow.transitions ?? []).filter((t) => t.to && t.to !== initial && (t.from.includes(initial) || t.from.includes('*'))).map((t) => t.button))];
  // a button without roles of its own is for whoever handles the node (its status binding's role)
  const nodeBinding = binding?.(flow.id, initial);
  const nodeRoles = nodeBinding?.handlerType === 'role' && nodeBinding.role ? [nodeBinding.role] : [];
  const allowed = (b: ButtonType) => {
    const needed = b.roles?.length ? b.roles : nodeRoles;
    return needed.length === 0 || needed.some((r) => roles.includes(r));
  };
  const offered = ids
    .map((id) => button(id))
    .filter((b): b is ButtonType => !!b && b.enabled !== false && b.scope === 'ticket' && allowed(b))
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const takesOpinion = (b: ButtonType) => (b.dialog?.opinion ?? 'optional') !== 'none';
  const draft = offered.find((b) => !takesOpinion(b));
  return { methods: offered.filter(takesOpinion), ...(draft ? { draft } : {}) };
}
