import { randomUUID } from 'node:crypto';
import { Genders, UserSchema } from '../../definitions/schemas/index.js';
import { buildOrgIndex, planDepartmentPaths, type OrgFinding, type OrgFindingCode } from '../../engine/org/index.js';
import type { SessionUser } from '../auth/authService.js';
import { hashPassword } from '../auth/passwords.js';
import { AppError } from '../errors.js';
import { departmentRow, departmentView, type DepartmentView } from './departmentService.js';
import { ImportColumns, type ImportColumn, type ImportField } from './importTemplate.js';
import { requireAdmin } from './orgAccess.js';
import { newId, writeOrg, type OrgServices } from './orgWrite.js';
import { readUserSheet, type SheetRow } from './readUserSheet.js';

export type ImportProblemCode =
  | 'IMPORT_REQUIRED' | 'IMPORT_TOO_LONG' | 'IMPORT_LOGIN_FORMAT' | 'IMPORT_GENDER' | 'IMPORT_PHONE'
  | 'IMPORT_LOGIN_DUPLICATE' | 'IMPORT_LOGIN_TAKEN' | OrgFindingCode;

/** A problem in one cell (STYLE 5: findings are data); `row` and `column` as the spreadsheet shows them. */
export interface ImportProblem {
  readonly row: number;
  readonly column: string;
  readonly field: ImportField;
  readonly code: ImportProblemCode;
  readonly message: string;
  readonly messageZh: string;
  readonly value: string;
}

export interface ImportOptions {
  /** Password of every imported user; default the configured default password. */
  readonly password?: string;
  /** Roles every imported user gets; default none (assign them in user management). */
  readonly roles?: readonly string[];
}

export interface ImportResult {
  readonly users: readonly { readonly row: number; readonly id: string; readonly login: string; readonly department: string }[];
  /** Departments created along the paths, parents first. */
  readonly departments: readonly DepartmentView[];
  /** Problems that did not stop the import (e.g. a path through a disabled department). */
  readonly warnings: readonly ImportProblem[];
}

const LOGIN = new RegExp(UserSchema.properties.login.pattern as string);
const PHONE = new RegExp(UserSchema.properties.phone.pattern as string);
const MAX_PATH = 1000;
const MAX_LENGTH: Partial<Record<ImportField, number>> = { name: 80, login: 80, department: MAX_PATH };
const columnOf = (field: ImportField) => ImportColumns.find((c) => c.field === field) as ImportColumn;

/** Chinese wording of a department path finding; the English one is the finding's own message. */
function pathMessageZh(f: OrgFinding, names: readonly string[]): string {
  const name = names[Number(f.pointer.split('/')[2] ?? -1)] ?? '';
  switch (f.code) {
    case 'ORG_PATH_EMPTY': return '所属部门为必填项。';
    case 'ORG_PATH_EMPTY_SEGMENT': return '所属部门路径中有空的层级，请用“-”分隔各级部门名称。';
    case 'ORG_PATH_AMBIGUOUS': return `所属部门路径中的“${name}”对应多个同名部门。`;
    case 'ORG_PATH_NEW_ROOT': return `不存在名为“${name}”的顶级部门，请先在部门管理中创建或修正路径。`;
    case 'ORG_PATH_DISABLED': return `部门“${name}”已停用。`;
    case 'ORG_PATH_ID_TAKEN': return '为新部门生成的标识已被占用，请重新导入。';
    default: return f.message;
  }
}

/** Every problem of every row: required cells, lengths, login format and uniqueness, gender, phone. */
function checkCells(rows: readonly SheetRow[], takenLogins: ReadonlySet<string>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const firstRowOfLogin = new Map<string, number>();
  for (const { row, cells } of rows) {
    const add = (field: ImportField, code: ImportProblemCode, message: string, messageZh: string) =>
      problems.push({ row, column: columnOf(field).column, field, code, message, messageZh, value: cells[field] });
    for (const c of ImportColumns) {
      const value = cells[c.field];
      const max = MAX_LENGTH[c.field];
      if (value === '') add(c.field, 'IMPORT_REQUIRED', `${c.field} is required`, `${c.label}为必填项。`);
      else if (max !== undefined && value.length > max) add(c.field, 'IMPORT_TOO_LONG', `${c.field} is longer than ${max} characters`, `${c.label}不能超过 ${max} 个字符。`);
    }
    const { login, gender, phone } = cells;
    if (login !== '' && login.length <= 80) {
      const key = login.toLowerCase();
      const first = firstRowOfLogin.get(key);
      if (!LOGIN.test(login)) {
        add('login', 'IMPORT_LOGIN_FORMAT', 'login may contain letters, digits and _ . - @ and starts with a letter or digit', '登录名称只能包含字母、数字及 _ . - @，且须以字母或数字开头。');
      } else if (first !== undefined) {
        add('login', 'IMPORT_LOGIN_DUPLICATE', `login ${login} is also used in row ${first}`, `登录名称 ${login} 与第 ${first} 行重复。`);
      } else if (takenLogins.has(key)) {
        add('login', 'IMPORT_LOGIN_TAKEN', `login ${login} is already taken`, `登录名称 ${login} 已被使用。`);
      }
      if (first === undefined) firstRowOfLogin.set(key, row);
    }
    if (gender !== '' && !Genders.some((g) => g === gender)) add('gender', 'IMPORT_GENDER', 'gender must be 男 or 女', '性别只能填写“男”或“女”。');
    if (phone !== '' && !PHONE.test(phone)) add('phone', 'IMPORT_PHONE', 'phone must be an 11-digit mobile number', '个人电话须为 11 位手机号码。');
  }
  return problems;
}

/**
 * The ORG-3 user import: every row is checked and every problem reported with its row and column;
 * when any row fails nothing is written. Otherwise the departments missing along the paths and the
 * users are created in one transaction.
 */
export class UserImport {
  constructor(private readonly services: OrgServices) {}

  async run(user: SessionUser, body: unknown, options: ImportOptions = {}): Promise<ImportResult> {
    requireAdmin(user);
    const rows = await readUserSheet(body);
    const hash = await hashPassword(options.password ?? this.services.config.demoPassword);
    return writeOrg(this.services, user, async (trx, defs) => {
      const knownRoles = new Set((defs.roles ?? []).map((r) => r.id));
      const unknownRoles = (options.roles ?? []).filter((r) => !knownRoles.has(r));
      if (unknownRoles.length > 0) {
        throw new AppError('TG_ERR_VALIDATION', { detail: `unknown roles ${unknownRoles.join(', ')}` }, [{ pointer: '/roles', message: 'unknown role', params: { roles: unknownRoles } }]);
      }
      const taken = new Set((await trx('users').select('login')).map((r: { login: unknown }) => String(r.login).toLowerCase()));
      const problems = checkCells(rows, taken);

      const withPath = rows.filter((r) => r.cells.department !== '' && r.cells.department.length <= MAX_PATH);
      const { org } = buildOrgIndex(defs);
      const plan = planDepartmentPaths(org, withPath.map((r) => r.cells.department), { newId: (d) => newId(d.parentId, 'dep') });
      const warnings: ImportProblem[] = [];
      const target = new Map<number, string>();
      plan.plans.forEach((p, i) => {
        const { row, cells } = withPath[i] as SheetRow;
        if (p.targetId !== undefined) target.set(row, p.targetId);
        for (const f of p.findings) {
          // A new root is almost always a typo in the province or city: refuse it, roots are created by hand.
          const blocking = f.severity === 'error' || f.code === 'ORG_PATH_NEW_ROOT';
          const problem = { row, column: columnOf('department').column, field: 'department' as const, code: f.code, message: f.message, messageZh: pathMessageZh(f, p.names), value: cells.department };
          (blocking ? problems : warnings).push(problem);
        }
      });
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
        const failedRows = new Set(problems.map((p) => p.row)).size;
        throw new AppError('TG_ERR_VALIDATION', { detail: `${failedRows} of ${rows.length} rows have errors; nothing was imported` }, { errors: problems });
      }

      const departments = plan.toCreate.map(departmentRow);
      for (let i = 0; i < departments.length; i += 50) await trx('departments').insert(departments.slice(i, i + 50));
      const users = rows.map(({ row, cells }) => ({
        id: randomUUID(), login: cells.login, name: cells.name, gender: cells.gender, phone: cells.phone, department: target.get(row) as string,
        roles: JSON.stringify(options.roles ?? []), password_hash: hash, failed_logins: 0, locked_until: null, enabled: true,
      }));
      for (let i = 0; i < users.length; i += 50) await trx('users').insert(users.slice(i, i + 50));
      return {
        users: users.map((u, i) => ({ row: (rows[i] as SheetRow).row, id: u.id, login: u.login, department: u.department })),
        departments: plan.toCreate.map(departmentView),
        warnings,
      };
    });
  }
}
