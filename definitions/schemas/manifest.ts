import { Type, type Static } from '@sinclair/typebox';

/** `manifest.json` of a definition package. */
export const ManifestSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', title: '包名' }),
    title: Type.String({ minLength: 1, title: '标题' }),
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$', title: '版本' }),
    description: Type.Optional(Type.String({ title: '说明' })),
    dependsOn: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), { default: [], title: '依赖包' }),
  },
  { $id: 'tongguan/manifest', title: '定义包', additionalProperties: false },
);
export type Manifest = Static<typeof ManifestSchema>;
