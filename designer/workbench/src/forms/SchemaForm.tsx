import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type CoreForm from '@rjsf/core';
import type { RegistryWidgetsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import { forwardRef, useMemo } from 'react';
import { useI18n } from '../../../shared/i18n';
import { CUSTOM_FORMATS, prepareSchema } from './prepareSchema';
import { DepartmentPicker } from './widgets/DepartmentPicker';
import { UserPicker } from './widgets/UserPicker';

const customFormats = Object.fromEntries(CUSTOM_FORMATS.map((f) => [f, () => true]));
const validators = {
  'zh-CN': customizeValidator({ customFormats }, localizeZh),
  'en-US': customizeValidator({ customFormats }),
};

/** Widgets the definitions name (`ui:widget`) or imply (`format`); areas may add theirs. */
export const widgets: RegistryWidgetsType = {
  departmentPicker: DepartmentPicker,
  userPicker: UserPicker,
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
  disabled?: boolean;
  /** Hide RJSF's own submit button (dialogs submit through their OK button and the ref). */
  hideSubmit?: boolean;
  idPrefix?: string;
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
      fields={props.fields as never}
      disabled={props.disabled}
      showErrorList={false}
      liveValidate={false}
      noHtml5Validate
      onChange={(e: IChangeEvent) => props.onChange?.(e.formData as Record<string, unknown>)}
      onSubmit={(e: IChangeEvent) => props.onSubmit?.(e.formData as Record<string, unknown>)}
    />
  );
});
