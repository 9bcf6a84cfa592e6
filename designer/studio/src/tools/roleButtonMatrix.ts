import type { ButtonCell, Named, NodeRow, RuleAnswer } from './toolsApi';

export interface MatrixRow {
  key: string;
  entity: NodeRow['entity'];
  node: string;
  nodeName: string;
  department?: Named | undefined;
  taskRole?: NodeRow['taskRole'];
  applicationKind?: NodeRow['applicationKind'];
  /** Role id → the buttons shown for it. */
  cells: Record<string, ButtonCell[]>;
}

export interface Matrix {
  /** Roles with at least one shown button, in the answer's order. */
  roles: (Named & { nameEn?: string; user?: { login: string; name: string } | undefined })[];
  rows: MatrixRow[];
}

/**
 * The role × node table of the rule tester: the buttons each role sees at each node (and, when
 * `showHidden`, those a rule or the data scope hides, with the reason). Rows and role columns with
 * nothing to show are left out.
 */
export function roleButtonMatrix(answer: RuleAnswer, showHidden: boolean): Matrix {
  const shown = (buttons: ButtonCell[]) => (showHidden ? buttons : buttons.filter((b) => b.allowed));
  const rows: MatrixRow[] = answer.nodes.map((n) => ({
    key: `${n.entity}/${n.node}/${n.department?.id ?? ''}/${n.applicationKind ?? ''}`,
    entity: n.entity, node: n.node, nodeName: n.nodeName, department: n.department, taskRole: n.taskRole, applicationKind: n.applicationKind,
    cells: Object.fromEntries(n.roles.map((r) => [r.role, shown(r.buttons)])),
  })).filter((r) => Object.values(r.cells).some((b) => b.length > 0));
  const users = new Map<string, { login: string; name: string }>();
  for (const n of answer.nodes) {
    for (const r of n.roles) if (r.user && !users.has(r.role) && n.entity === 'ticket') users.set(r.role, { login: r.user.login, name: r.user.name });
  }
  const roles = answer.roles
    .filter((role) => rows.some((r) => (r.cells[role.id] ?? []).length > 0))
    .map((role) => ({ ...role, user: users.get(role.id) }));
  return { roles, rows };
}
