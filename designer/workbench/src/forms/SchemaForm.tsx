import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type CoreForm from '@rjsf/core';
import type { ErrorSchema, ErrorTransformer, RegistryFieldsType, RegistryWidgetsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import { forwardRef, useMemo } from 'react';
import { useI18n } from '../../../shared/i18n';
import { CUSTOM_FORMATS, prepareSchema } from './prepareSchema';
import { AttachmentsField } from './widgets/AttachmentsField';
import { DateTimeWidget } from './widgets/DateTimeWidget';
import { DepartmentPicker } from './widgets/DepartmentPicker';
import { GridPicker } from './widgets/GridPicker';
import { ItemPicker } from './widgets/ItemPicker';
import { MapPointField } from './widgets/MapPointField';
import { RegionPicker } from './widgets/RegionPicker';
import { UserPicker } from './widgets/UserPicker';

const customFormats = Object.fromEntries(CUSTOM_FORMATS.map((f) => [f, () => true]));
export const validators = {
  'zh-CN': customizeValidator({ customFormats }, localizeZh),
  'en-US': customizeValidator({ customFormats }),
};

/** Widgets the definitions name (`ui:widget`) or imply (`format`); areas may add theirs. */
export const widgets: RegistryWidgetsType = {
  departmentPicker: DepartmentPicker,
  userPicker: UserPicker,
  gridPicker: GridPicker,
  itemPicker: ItemPicker,
  regionPicker: RegionPicker,
  datetime: DateTimeWidget,
};

/** Fields the definitions name (`ui:field`): uploads and the map point. */
export const fields: RegistryFieldsType = {
  attachments: AttachmentsField as never,
  mapPoint: MapPointField as never,
};

export interface SchemaFormProps {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  formData?: unknown;
  onChange?: (data: Record<string, unknown>) => void;
  onSubmit?: (data: Record<string, unknown>) => void;
  /** Extra widgets for this form (registration adds grid, item, attachment pickers). */
  extraWidgets?: RegistryWidgetsType;
  fields?: Record<string, unknown>;
  /** Errors from elsewhere (the server's refusal), shown at their fields. */
  extraErrors?: ErrorSchema;
  /** What widgets may read beside their value (registration: the domain, the picked region). */
  formContext?: Record<string, unknown>;
  disabled?: boolean;
  /** Hide RJSF's own submit button (dialogs submit through their OK button and the ref). */
  hideSubmit?: boolean;
  idPrefix?: string;
  /** Drops or rewrites validation errors before they show (e.g. a dialog's dependency branches). */
  transformErrors?: ErrorTransformer;
}

/** A form generated from a definition's JSON Schema (RJSF, antd theme), in the UI language. */
export const SchemaForm = forwardRef<CoreForm, SchemaFormProps>(function SchemaForm(props, ref) {
  const { lang } = useI18n();
  const prepared = useMemo(() => prepareSchema(props.schema, props.uiSchema ?? {}, lang), [props.schema, props.uiSchema, lang]);
  const uiSchema: UiSchema = useMemo(() => ({
    ...prepared.uiSchema,
    'ui:submitButtonOptions': { norender: props.hideSubmit ?? false },
  }), [prepared.uiSchema, props.hideSubmit]);
  return (
    <Form
      ref={ref as never}
      idPrefix={props.idPrefix ?? 'root'}
      schema={prepared.schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={props.formData}
      validator={validators[lang]}
      widgets={{ ...widgets, ...props.extraWidgets }}
      fields={{ ...fields, ...(props.fields as RegistryFieldsType | undefined) }}
      extraErrors={props.extraErrors}
      formContext={props.formContext}
      disabled={props.disabled}
      showErrorList={false}
      {...(props.transformErrors ? { transformErrors: props.transformErrors } : {})}
      liveValidate={false}
      noHtml5Validate
      onChange={(e: IChangeEvent) => props.onChange?.(e.formData as Record<string, unknown>)}
      onSubmit={(e: IChangeEvent) => props.onSubmit?.(e.formData as Record<string, unknown>)}
    />
  );
});
