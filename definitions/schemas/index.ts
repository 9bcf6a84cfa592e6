import type { TSchema } from '@sinclair/typebox';
import { AttendanceSchema } from './attendance.js';
import { ButtonGroupSchema, ButtonTypeSchema } from './button.js';
import { CalendarSchema } from './calendar.js';
import { CatalogueDirectorySchema, ItemDomainLinkSchema, ItemSchema } from './catalogue.js';
import { DomainSchema } from './domain.js';
import { ExportTemplateSchema } from './export-template.js';
import { FlowSchema } from './flow.js';
import { FormSchema } from './form.js';
import { DepartmentSchema, GridSchema, RoleSchema, UserSchema } from './organisation.js';
import { DistributionRuleSchema, SystemParameterSchema } from './parameters.js';
import { ServiceSchema } from './service.js';
import { StatusBindingSchema } from './status-binding.js';
import { TimeLimitSchema } from './time-limit.js';
import { ViewSchema } from './view.js';
import { VocabularySchema } from './vocabulary.js';

export interface KindSpec {
  /** The kind's name in code and in `x-ref`. */
  readonly kind: string;
  /** File base names in a package: `<file>.json` holds an array, `<file>/*.json` one definition each. */
  readonly files: readonly string[];
  readonly schema: TSchema;
  /** Whether definitions of the kind carry an `id` unique within the kind. */
  readonly identified: boolean;
}

/** Every definition kind, the files it lives in and its schema: the one source of truth. */
export const definitionKinds = [
  { kind: 'domain', files: ['domains'], schema: DomainSchema, identified: true },
  { kind: 'catalogueDirectory', files: ['catalogue-directories'], schema: CatalogueDirectorySchema, identified: true },
  { kind: 'item', files: ['items'], schema: ItemSchema, identified: true },
  { kind: 'itemDomainLink', files: ['item-domain-links'], schema: ItemDomainLinkSchema, identified: false },
  { kind: 'form', files: ['forms'], schema: FormSchema, identified: true },
  { kind: 'flow', files: ['flows'], schema: FlowSchema, identified: true },
  { kind: 'timeLimit', files: ['time-limits', 'stage-time-limits'], schema: TimeLimitSchema, identified: true },
  { kind: 'calendar', files: ['calendars'], schema: CalendarSchema, identified: true },
  { kind: 'attendance', files: ['attendance-schemes'], schema: AttendanceSchema, identified: true },
  { kind: 'buttonGroup', files: ['button-groups'], schema: ButtonGroupSchema, identified: true },
  { kind: 'buttonType', files: ['button-types'], schema: ButtonTypeSchema, identified: true },
  { kind: 'statusBinding', files: ['status-bindings'], schema: StatusBindingSchema, identified: true },
  { kind: 'view', files: ['views'], schema: ViewSchema, identified: true },
  { kind: 'systemParameter', files: ['system-parameters'], schema: SystemParameterSchema, identified: true },
  { kind: 'distributionRule', files: ['distribution-rules'], schema: DistributionRuleSchema, identified: true },
  { kind: 'vocabulary', files: ['vocabularies'], schema: VocabularySchema, identified: true },
  { kind: 'service', files: ['services'], schema: ServiceSchema, identified: true },
  { kind: 'exportTemplate', files: ['export-templates'], schema: ExportTemplateSchema, identified: true },
  { kind: 'department', files: ['departments'], schema: DepartmentSchema, identified: true },
  { kind: 'grid', files: ['grids'], schema: GridSchema, identified: true },
  { kind: 'user', files: ['users'], schema: UserSchema, identified: true },
  { kind: 'role', files: ['roles'], schema: RoleSchema, identified: true },
] as const satisfies readonly KindSpec[];

export type DefinitionKind = (typeof definitionKinds)[number]['kind'];

export * from './attendance.js';
export * from './button.js';
export * from './calendar.js';
export * from './catalogue.js';
export * from './condition.js';
export * from './domain.js';
export * from './export-template.js';
export * from './flow.js';
export * from './form.js';
export * from './manifest.js';
export * from './organisation.js';
export * from './parameters.js';
export * from './service.js';
export * from './status-binding.js';
export * from './time-limit.js';
export * from './view.js';
export * from './vocabulary.js';
