import { Type, type Static } from '@sinclair/typebox';
import { Color, Enabled, Id, Name } from './common.js';

/** 字典 (DEF-15): event tags, event types, report channels, urgency, satisfaction … */
export const VocabularySchema = Type.Object(
  {
    id: Id,
    name: Name('字典名称'),
    entries: Type.Array(
      Type.Object(
        {
          value: Type.String({ minLength: 1, title: '值' }),
          label: Type.String({ minLength: 1, title: '名称' }),
          labelEn: Type.Optional(Type.String({ title: '英文名称' })),
          prefix: Type.Optional(Type.String({ pattern: '^[A-Z]{1,4}$', title: '编号前缀', description: 'Ticket number prefix for report channels (ACC-11).' })),
          color: Type.Optional(Color('颜色')),
          enabled: Type.Optional(Enabled),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, title: '字典项' },
    ),
  },
  { $id: 'tongguan/vocabulary', title: '字典', additionalProperties: false },
);
export type Vocabulary = Static<typeof VocabularySchema>;
