import { EntitySchema } from '@mikro-orm/core';

/**
 * The designer's working copy of the definitions (DEF-*): one row per definition, keyed by kind and
 * id (ids are unique within a kind across packages, as in a bundle), remembering the package and
 * file it lives in so an export writes the same package layout. Package manifests are rows of kind
 * `manifest`. Publishing turns the drafts into an immutable bundle; drafts never touch tickets.
 */
export interface DefinitionDraftRow {
  kind: string; defId: string; package: string; file: string; position: number; content: unknown; updatedAt: number; updatedBy: string;
}

export const DefinitionDraftEntity = new EntitySchema<DefinitionDraftRow>({
  name: 'DefinitionDraftRow',
  tableName: 'definition_drafts',
  properties: {
    kind: { type: 'string', primary: true, length: 40 },
    defId: { type: 'string', primary: true, length: 200 },
    package: { type: 'string', length: 80 },
    file: { type: 'string', length: 200 },
    position: { type: 'integer' },
    content: { type: 'json' },
    updatedAt: { type: 'double' },
    updatedBy: { type: 'string', length: 80 },
  },
  indexes: [{ properties: ['package', 'file'] }],
});
