import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, NameEn, Ref, StringEnum } from './common.js';

/**
 * Organisation definitions (SPEC ORG-1..4): departments, grids, users and roles.
 * Kinds: `department`, `grid`, `user`, `role`.
 */

/** Administrative levels, top to bottom. */
export const DepartmentLevels = ['province', 'city', 'county', 'town', 'village'] as const;
export type DepartmentLevel = (typeof DepartmentLevels)[number];

/** region: an administrative area's own department; unit: member unit or sub-unit; community: 村社区. */
export const DepartmentKinds = ['region', 'unit', 'community'] as const;
export type DepartmentKind = (typeof DepartmentKinds)[number];

export const DepartmentSchema = Type.Object(
  {
    id: Id,
    name: Name('部门名称'),
    nameEn: NameEn(),
    parent: Type.Optional(
      Ref('department', { title: '上级部门', description: 'Parent department; absent for a root (e.g. the province).' }),
    ),
    level: StringEnum([...DepartmentLevels], {
      title: '行政层级',
      description: 'Administrative level: a member unit carries the level of the area it serves.',
    }),
    kind: StringEnum([...DepartmentKinds], {
      title: '部门类型',
      description: "region = an administrative area's own department; unit = member unit (成员单位) or sub-unit (下级单位); community = village or community (村社区).",
    }),
    independent: Type.Boolean({
      title: '独立单位',
      default: false,
      description: 'A city, county or town region flagged independent is a command center (指挥中心).',
    }),
    regionCode: Type.Optional(
      Type.String({
        pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$',
        title: '行政区划代码',
        description: 'Administrative division code: 6, 9 or 12 digits.',
      }),
    ),
    enabled: Enabled,
  },
  {
    $id: 'tongguan/department',
    title: '部门',
    description: 'A department in the organisation tree (ORG-1).',
    additionalProperties: false,
  },
);
export type Department = Static<typeof DepartmentSchema>;

/** A GeoJSON position `[longitude, latitude]` (WGS 84). */
export const PositionSchema = Type.Tuple(
  [
    Type.Number({ minimum: -180, maximum: 180, title: '经度' }),
    Type.Number({ minimum: -90, maximum: 90, title: '纬度' }),
  ],
  { title: '坐标', description: 'GeoJSON position [longitude, latitude].' },
);
export type Position = Static<typeof PositionSchema>;

/** A GeoJSON Polygon: the first ring is the outline, further rings are holes; rings are closed. */
export const PolygonSchema = Type.Object(
  {
    type: Type.Literal('Polygon'),
    coordinates: Type.Array(Type.Array(PositionSchema, { minItems: 4 }), {
      minItems: 1,
      title: '坐标环',
      description: 'Linear rings: the outline first, then holes; each ring closed (first = last position).',
    }),
  },
  { title: '网格范围', description: 'GeoJSON Polygon.', additionalProperties: false },
);
export type Polygon = Static<typeof PolygonSchema>;

export const GridSchema = Type.Object(
  {
    id: Id,
    name: Name('网格名称'),
    nameEn: NameEn(),
    community: Ref('department', { title: '所属村社区', description: 'The community (村社区) the grid belongs to.' }),
    geometry: Type.Optional(PolygonSchema),
    keywords: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        title: '地址关键词',
        uniqueItems: true,
        description: 'Address words (streets, roads, estates) that resolve an address to this grid.',
      }),
    ),
    enabled: Enabled,
  },
  {
    $id: 'tongguan/grid',
    title: '网格',
    description: 'A grid (网格) of a community; event locations and addresses resolve to it (ORG-4).',
    additionalProperties: false,
  },
);
export type Grid = Static<typeof GridSchema>;

export const Genders = ['男', '女'] as const;
export type Gender = (typeof Genders)[number];

export const UserSchema = Type.Object(
  {
    id: Id,
    login: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.\\-@]*$',
      minLength: 1,
      maxLength: 80,
      title: '登录名称',
      description: 'Unique login name.',
    }),
    name: Name('用户名称'),
    gender: StringEnum([...Genders], { title: '性别' }),
    phone: Type.String({ pattern: '^1[3-9]\\d{9}$', title: '个人电话', description: 'Mainland mobile number, 11 digits.' }),
    department: Ref('department', { title: '所属部门' }),
    roles: Type.Array(Ref('role'), { title: '角色', uniqueItems: true }),
    enabled: Enabled,
  },
  {
    $id: 'tongguan/user',
    title: '用户',
    description: 'A user: belongs to one department and holds roles (ORG-2).',
    additionalProperties: false,
  },
);
export type User = Static<typeof UserSchema>;

export const RoleSchema = Type.Object(
  {
    id: Id,
    name: Name('角色名称'),
    nameEn: Type.Optional(Type.String({ maxLength: 100, title: '英文名称' })),
    description: Type.Optional(Type.String({ maxLength: 2000, title: '描述' })),
  },
  {
    $id: 'tongguan/role',
    title: '角色',
    description: 'A role users hold; flow nodes bind to roles (ORG-2).',
    additionalProperties: false,
  },
);
export type Role = Static<typeof RoleSchema>;
