import { Type, type TSchema } from '@sinclair/typebox';
import { DepartmentSchema, GridSchema, PolygonSchema, UserSchema } from '../../../definitions/schemas/index.js';

/** JSON Schemas of the organisation API (ORG-1..4). Query values arrive as strings (no coercion). */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const d = DepartmentSchema.properties;
const g = GridSchema.properties;
const u = UserSchema.properties;
const RefId = Type.String({ minLength: 1, maxLength: 80 });
const UserName = Type.String({ minLength: 1, maxLength: 80 });
const Password = Type.String({ minLength: 6, maxLength: 200 });
const Roles = Type.Array(d.id, { uniqueItems: true, maxItems: 50 });
const BoolString = Type.Union([Type.Literal('true'), Type.Literal('false')]);
const RoleList = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.\\-]*(,[A-Za-z0-9][A-Za-z0-9_.\\-]*)*$', maxLength: 400,
  description: 'Comma-separated role ids every imported user gets',
});

export const IdParam = Type.Object({ id: RefId });

export const DepartmentOut = Type.Object({
  id: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()), parent: Nullable(Type.String()), level: Type.String(), kind: Type.String(),
  independent: Type.Boolean(), center: Type.Boolean(), regionCode: Nullable(Type.String()), enabled: Type.Boolean(),
});
export const DepartmentDetailOut = Type.Object({ ...DepartmentOut.properties, path: Type.String() });
export const DepartmentTreeOut = Type.Object({
  departments: Type.Array(Type.Recursive((This) => Type.Object({ ...DepartmentOut.properties, children: Type.Array(This) }), { $id: 'OrgDepartmentNode' })),
});

export const CreateDepartment = Type.Object({
  id: Type.Optional(d.id), name: d.name, nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), parent: Type.Optional(RefId), level: Type.Optional(d.level), kind: Type.Optional(d.kind),
  independent: Type.Optional(Type.Boolean()), regionCode: Type.Optional(d.regionCode), enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const UpdateDepartment = Type.Object({
  name: Type.Optional(d.name), nameEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))), parent: Type.Optional(Nullable(RefId)), level: Type.Optional(d.level), kind: Type.Optional(d.kind),
  independent: Type.Optional(Type.Boolean()), regionCode: Type.Optional(Nullable(d.regionCode)),
}, { additionalProperties: false, minProperties: 1 });

export const GridOut = Type.Object({
  id: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()), community: Type.String(), geometry: Nullable(PolygonSchema),
  keywords: Type.Array(Type.String()), enabled: Type.Boolean(),
});
export const GridListOut = Type.Object({ grids: Type.Array(GridOut) });
export const GridQuery = Type.Object({ community: Type.Optional(RefId) }, { additionalProperties: false });

export const CreateGrid = Type.Object({
  id: Type.Optional(g.id), name: g.name, nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), community: RefId, geometry: Type.Optional(PolygonSchema),
  keywords: g.keywords, enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const UpdateGrid = Type.Object({
  name: Type.Optional(g.name), nameEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))), community: Type.Optional(RefId), geometry: Type.Optional(Nullable(PolygonSchema)),
  keywords: Type.Optional(Nullable(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { uniqueItems: true }))),
}, { additionalProperties: false, minProperties: 1 });

/** Never a password hash, failure counter or lock time: the serializer drops what is not listed. */
export const UserOut = Type.Object({
  id: Type.String(), login: Type.String(), name: Type.String(), gender: Type.String(), phone: Type.String(),
  department: Type.String(), departmentName: Nullable(Type.String()), roles: Type.Array(Type.String()),
  enabled: Type.Boolean(), locked: Type.Boolean(),
});
export const UserPageOut = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(UserOut) });

export const UserQuery = Type.Object({
  department: Type.Optional(RefId),
  subtree: Type.Optional(BoolString),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  role: Type.Optional(RefId),
  enabled: Type.Optional(BoolString),
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$' })),
  pageSize: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '1 to 200, default 20' })),
}, { additionalProperties: false });

export const CreateUser = Type.Object({
  id: Type.Optional(d.id), login: u.login, name: UserName, gender: u.gender, phone: u.phone, department: RefId,
  roles: Type.Optional(Roles), enabled: Type.Optional(Type.Boolean()),
  password: Type.Optional(Password),
}, { additionalProperties: false });

export const UpdateUser = Type.Object({
  login: Type.Optional(u.login), name: Type.Optional(UserName), gender: Type.Optional(u.gender), phone: Type.Optional(u.phone),
  department: Type.Optional(RefId), roles: Type.Optional(Roles),
}, { additionalProperties: false, minProperties: 1 });

export const ResetPassword = Type.Object({ password: Type.Optional(Password) }, { additionalProperties: false });

export const ImportQuery = Type.Object({
  password: Type.Optional(Password),
  roles: Type.Optional(RoleList),
}, { additionalProperties: false });

const ImportProblemOut = Type.Object({
  row: Type.Integer(), column: Type.String(), field: Type.String(), code: Type.String(), message: Type.String(),
  messageZh: Type.String(), value: Type.String(),
});
export const ImportOut = Type.Object({
  users: Type.Array(Type.Object({ row: Type.Integer(), id: Type.String(), login: Type.String(), department: Type.String() })),
  departments: Type.Array(DepartmentOut),
  warnings: Type.Array(ImportProblemOut),
});
