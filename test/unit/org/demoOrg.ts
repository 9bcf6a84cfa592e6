import type { Department, Grid, Role, User } from '../../../definitions/schemas/organisation.js';
import { buildOrgIndex, type OrgDefinitions } from '../../../engine/org/index.js';
import departmentsJson from '../../../definitions/packages/demo-org/departments.json' with { type: 'json' };
import gridsJson from '../../../definitions/packages/demo-org/grids.json' with { type: 'json' };
import manifestJson from '../../../definitions/packages/demo-org/manifest.json' with { type: 'json' };
import rolesJson from '../../../definitions/packages/demo-org/roles.json' with { type: 'json' };
import usersJson from '../../../definitions/packages/demo-org/users.json' with { type: 'json' };

/** The demo organisation package (definitions/packages/demo-org), typed. */
export const demoDefinitions: OrgDefinitions & {
  departments: Department[];
  grids: Grid[];
  users: User[];
  roles: Role[];
} = {
  departments: departmentsJson as Department[],
  grids: gridsJson as Grid[],
  users: usersJson as User[],
  roles: rolesJson as Role[],
};

export const demoManifest = manifestJson;

/** A fresh index over the demo organisation (findings asserted empty in buildOrgIndex.test.ts). */
export function demoOrg() {
  return buildOrgIndex(demoDefinitions).org;
}

/** The demo definitions with some definitions replaced in place (same id) or appended (new id). */
export function demoWith(changes: { departments?: Department[]; users?: User[]; grids?: Grid[] }): OrgDefinitions {
  const replace = <T extends { id: string }>(base: T[], extra: T[] = []) => {
    const byId = new Map(extra.map((e) => [e.id, e]));
    const ids = new Set(base.map((b) => b.id));
    return [...base.map((b) => byId.get(b.id) ?? b), ...extra.filter((e) => !ids.has(e.id))];
  };
  return {
    departments: replace(demoDefinitions.departments, changes.departments),
    grids: replace(demoDefinitions.grids, changes.grids),
    users: replace(demoDefinitions.users, changes.users),
    roles: demoDefinitions.roles,
  };
}
