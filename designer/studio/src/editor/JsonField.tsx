import type { FieldProps } from '@rjsf/utils';
import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import '../texts';

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

/** A part of a definition edited as JSON text (recursive conditions, free-form schemas). */
export function JsonField(props: FieldProps) {
  const { formData, onChange, schema, disabled, readonly, errorSchema, fieldPathId, name } = props;
  const { t } = useI18n('studio');
  const [text, setText] = useState(() => show(formData));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // follow changes made elsewhere (the JSON tab) unless the user is mid-edit here
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current || 'null')) === JSON.stringify(formData ?? null)) return current;
      } catch { /* mid-edit */ }
      return show(formData);
    });
  }, [formData]);
  const errors = [...(bad ? [t('editor.jsonFieldError')] : []), ...((errorSchema?.__errors as string[] | undefined) ?? [])];
  const id = fieldPathId.$id;
  return (
    <Form.Item label={`${schema.title ?? name} (${t('editor.jsonField')})`} help={errors.length ? errors.join('；') : schema.description}
      validateStatus={errors.length ? 'error' : undefined} htmlFor={id} labelCol={{ span: 24 }}>
      <Input.TextArea id={id} value={text} disabled={disabled || readonly} rows={Math.min(12, Math.max(2, text.split('\n').length))} style={{ fontFamily: 'monospace', fontSize: 12 }}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') { setBad(false); onChange(undefined, fieldPathId.path); return; }
          try {
            const v: unknown = JSON.parse(e.target.value);
            setBad(false);
            onChange(v, fieldPathId.path);
          } catch {
            setBad(true);
          }
        }} />
    </Form.Item>
  );
}
