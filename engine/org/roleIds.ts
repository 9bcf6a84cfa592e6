/** Built-in role ids (SPEC roles; ORG-2). Definitions may add more roles; these are the ones the flow knows. */
export const RoleIds = {
  /** 业务协同-受理员 */
  acceptor: 'acceptor',
  /** 业务协同-派遣员 (分拨员) */
  dispatcher: 'dispatcher',
  /** 业务协同-值班长 */
  shiftLeader: 'shiftLeader',
  /** 业务协同-审核员 */
  reviewer: 'reviewer',
  /** 业务协同-部门处理员 */
  handler: 'handler',
  /** 网格员 */
  gridWorker: 'gridWorker',
  /** 系统管理员 */
  admin: 'admin',
} as const;

export type RoleId = (typeof RoleIds)[keyof typeof RoleIds];

/** Roles whose holders sit at a command center (ORG-2). */
export const CenterRoleIds: readonly RoleId[] = [
  RoleIds.acceptor,
  RoleIds.dispatcher,
  RoleIds.shiftLeader,
  RoleIds.reviewer,
];
