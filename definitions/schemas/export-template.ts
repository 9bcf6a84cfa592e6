import { Type, type Static } from '@sinclair/typebox';
import { Enabled, Id, Name, Remark } from './common.js';

/** 导出模板 (DEF-12): a .docx template (docxtemplater tags) for a ticket's details. */
export const ExportTemplateSchema = Type.Object(
  {
    id: Id,
    name: Name('模板名称'),
    file: Type.String({ pattern: '^[^/\\\\]+\\.docx$', title: '模板文件', description: 'A .docx file beside the package\u2019s JSON.' }),
    enabled: Enabled,
    remark: Remark,
  },
  { $id: 'tongguan/export-template', title: '导出模板', additionalProperties: false },
);
export type ExportTemplate = Static<typeof ExportTemplateSchema>;
