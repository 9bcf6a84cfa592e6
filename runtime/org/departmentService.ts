import type { Department, DepartmentKind, DepartmentLevel } from '../../definitions/schemas/index.js';
import {
  childrenOf, departmentOf, departmentPathName, inferDepartmentShape, isCenterDepartment, type OrgDefinitions, type OrgIndex,
} from '../../engine/org/index.js';
import type { SessionUser } from '../auth/authService.js';
import { AppError } from '../errors.js';
import { orgReader } from './orgAccess.js';
import { assertIdFree, assertNoNewOrgErrors, newId, writeOrg, type OrgServices } from './orgWrite.js';

export interface DepartmentView {
  readonly id: string;
  readonly name: string;
  /** The English name shown on en-US screens (null: the Chinese one is shown). */
  readonly nameEn: string | null;
  readonly parent: string | null;
  readonly level: DepartmentLevel;
  readonly kind: DepartmentKind;
  readonly independent: boolean;
  /** A command center (指挥中心): an independent city, county or town region (ORG-1). */
  readonly center: boolean;
  readonly regionCode: string | null;
  readonly enabled: boolean;
}

export interface DepartmentNode extends DepartmentView {
  readonly children: DepartmentNode[];
}

export interface CreateDepartmentInput {
  readonly id?: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly parent?: string;
  readonly level?: DepartmentLevel;
  readonly kind?: DepartmentKind;
  readonly independent?: boolean;
  readonly regionCode?: string;
  readonly enabled?: boolean;
}

export interface UpdateDepartmentInput {
  readonly name?: string;
  readonly nameEn?: string | null;
  readonly parent?: string | null;
  readonly level?: DepartmentLevel;
  readonly kind?: DepartmentKind;
  readonly independent?: boolean;
  readonly regionCode?: string | null;
}

export function departmentView(d: Department): DepartmentView {
  return {
    id: d.id, name: d.name, nameEn: d.nameEn ?? null, parent: d.parent ?? null, level: d.level, kind: d.kind, independent: d.independent,
    center: isCenterDepartment(d), regionCode: d.regionCode ?? null, enabled: d.enabled,
  };
}

export function departmentRow(d: Department) {
  return {
    id: d.id, name: d.name, name_en: d.nameEn ?? null, parent: d.parent ?? null, level: d.level, kind: d.kind, independent: d.independent,
    region_code: d.regionCode ?? null, enabled: d.enabled,
  };
}

function nodeOf(org: OrgIndex, d: Department, sees: (id: string) => boolean): DepartmentNode {
  return { ...departmentView(d), children: childrenOf(org, d.id).filter((c) => sees(c.id)).map((c) => nodeOf(org, c, sees)) };
}

function found(org: OrgDefinitions, id: string): Department {
  const d = org.departments.find((x) => x.id === id);
  if (!d) throw new AppError('TG_ERR_NOT_FOUND', { what: `department ${id}` });
  return d;
}

function assertNameFree(org: OrgDefinitions, name: string, parent: string | undefined, self?: string): void {
  if (org.departments.some((d) => d.name === name && d.parent === parent && d.id !== self)) {
    throw new AppError('TG_ERR_DEPARTMENT_NAME_TAKEN', { name });
  }
}

/** Departments (ORG-1): the tree within the reader's scope and the administrator's edits. */
export class DepartmentService {
  constructor(private readonly services: OrgServices) {}

  /** The visible part of the tree: a department whose parent is out of scope is shown as a root. */
  async tree(user: SessionUser): Promise<DepartmentNode[]> {
    const reader = await orgReader(this.services.bundles, user);
    const { org } = reader;
    return [...org.departments.values()]
      .filter((d) => {
        const parent = org.parentOf.get(d.id);
        return reader.sees(d.id) && (parent === undefined || !reader.sees(parent));
      })
      .map((d) => nodeOf(org, d, reader.sees));
  }

  async get(user: SessionUser, id: string): Promise<DepartmentView & { path: string }> {
    const reader = await orgReader(this.services.bundles, user);
    const d = departmentOf(reader.org, id);
    if (!d) throw new AppError('TG_ERR_NOT_FOUND', { what: `department ${id}` });
    reader.check(id);
    return { ...departmentView(d), path: departmentPathName(reader.org, id) };
  }

  async create(user: SessionUser, input: CreateDepartmentInput): Promise<DepartmentView> {
    return writeOrg(this.services, user, async (trx, org) => {
      const parent = input.parent === undefined ? undefined : found(org, input.parent);
      assertNameFree(org, input.name, parent?.id);
      const id = input.id ?? newId(parent?.id, 'dep');
      await assertIdFree(trx, 'departments', id);
      const shape = inferDepartmentShape(input.name, parent);
      const created: Department = {
        id, name: input.name, ...(input.nameEn ? { nameEn: input.nameEn } : {}), ...(parent ? { parent: parent.id } : {}),
        level: input.level ?? shape.level, kind: input.kind ?? shape.kind, independent: input.independent ?? false,
        ...(input.regionCode ? { regionCode: input.regionCode } : {}), enabled: input.enabled ?? true,
      };
      assertNoNewOrgErrors(org, { ...org, departments: [...org.departments, created] });
      await trx('departments').insert(departmentRow(created));
      return departmentView(created);
    });
  }

  async update(user: SessionUser, id: string, input: UpdateDepartmentInput): Promise<DepartmentView> {
    return writeOrg(this.services, user, async (trx, org) => {
      const current = found(org, id);
      const parentId = input.parent === undefined ? current.parent : (input.parent ?? undefined);
      if (parentId !== undefined) found(org, parentId);
      const { parent: _parent, regionCode: _code, nameEn: _nameEn, ...rest } = current;
      const regionCode = input.regionCode === undefined ? current.regionCode : (input.regionCode ?? undefined);
      const nameEn = input.nameEn === undefined ? current.nameEn : (input.nameEn ?? undefined);
      const next: Department = {
        ...rest, ...(parentId !== undefined ? { parent: parentId } : {}), ...(regionCode ? { regionCode } : {}), ...(nameEn ? { nameEn } : {}),
        name: input.name ?? current.name, level: input.level ?? current.level, kind: input.kind ?? current.kind,
        independent: input.independent ?? current.independent,
      };
      assertNameFree(org, next.name, next.parent, id);
      assertNoNewOrgErrors(org, { ...org, departments: org.departments.map((d) => (d.id === id ? next : d)) });
      await trx('departments').where({ id }).update(departmentRow(next));
      return departmentView(next);
    });
  }

  async setEnabled(user: SessionUser, id: string, enabled: boolean): Promise<DepartmentView> {
    return writeOrg(this.services, user, async (trx, org) => {
      const current = found(org, id);
      await trx('departments').where({ id }).update({ enabled });
      return departmentView({ ...current, enabled });
    });
  }

  /** Only an empty department goes: no users, children, grids, tickets or tasks refer to it. */
  async remove(user: SessionUser, id: string): Promise<void> {
    await writeOrg(this.services, user, async (trx, org) => {
      const current = found(org, id);
      const count = async (table: string, column: string) => Number((await trx(table).where(column, id).count({ n: '*' }).first())?.n ?? 0);
      const usage = {
        users: await count('users', 'department'), children: await count('departments', 'parent'), grids: await count('grids', 'community'),
        tickets: await count('tickets', 'center'), tasks: await count('tasks', 'department'),
      };
      if (Object.values(usage).some((n) => n > 0)) throw new AppError('TG_ERR_DEPARTMENT_IN_USE', { name: current.name }, usage);
      await trx('departments').where({ id }).delete();
    });
  }
}
