import type { FieldProps } from '@rjsf/utils';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../../../shared/api/client';
import { useI18n } from '../../../../shared/i18n';
import { FieldLabel } from './FieldLabel';
import { attachmentNames, uploadAttachment } from './uploadAttachment';
import '../texts';

const MB = 1024 * 1024;

/**
 * `ui:field: attachments`: uploads each file to POST /api/attachments and keeps the ids in the form.
 * `ui:options.accept` and `maxSize` (bytes) come from the form definition; the server's refusal
 * (size, type, content) is shown as it answers.
 */
export function AttachmentsField(props: FieldProps<string[]>) {
  const { formData, onChange, fieldPathId, schema, uiSchema, disabled, readonly, required, name } = props;
  const { t, lang } = useI18n('forms');
  const options = (uiSchema?.['ui:options'] ?? {}) as { accept?: string; maxSize?: number };
  const maxSize = typeof options.maxSize === 'number' ? options.maxSize : 50 * MB;
  const ids = Array.isArray(formData) ? formData : [];
  const latest = useRef(ids);
  latest.current = ids;
  const [errors, setErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const fileList: UploadFile[] = [
    ...ids.map((id) => ({ uid: id, name: attachmentNames.get(id)?.name ?? id, status: 'done' as const })),
    ...uploading,
  ];
  const set = (next: string[]) => onChange(next.length ? next : undefined, fieldPathId.path);
  const id = fieldPathId.$id;
  const types = options.accept?.split(',').map((s) => s.replace(/^\./, '')).join(', ') ?? '';
  return (
    <div data-testid={`field-${id}`}>
      <FieldLabel id={id} title={(schema.title as string | undefined) ?? name} required={required} />
      <Upload
        id={id}
        multiple
        accept={options.accept}
        fileList={fileList}
        disabled={disabled || readonly}
        onRemove={(f) => { set(ids.filter((x) => x !== f.uid)); return true; }}
        beforeUpload={(file) => {
          if (file.size > maxSize) {
            setErrors((e) => [...e, t('tooLarge', { name: file.name, size: Math.round(maxSize / MB) })]);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const f = file as File & { uid: string };
          setUploading((u) => [...u, { uid: f.uid, name: f.name, status: 'uploading' }]);
          uploadAttachment(f).then((saved) => {
            setUploading((u) => u.filter((x) => x.uid !== f.uid));
            // read the latest ids through the form: several files finish one after another
            props.onChange([...(latest.current ?? []), saved.id], fieldPathId.path);
            onSuccess?.(saved);
          }, (e: unknown) => {
            setUploading((u) => u.filter((x) => x.uid !== f.uid));
            setErrors((list) => [...list, t('uploadFailed', { name: f.name, message: e instanceof ApiError ? e.localized(lang) : String(e) })]);
            onError?.(e as Error);
          });
        }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled || readonly}>{t('upload')}</Button>
      </Upload>
      <div style={{ color: 'rgba(0,0,0,.45)', fontSize: 12, marginTop: 4 }}>{t('uploadHint', { size: Math.round(maxSize / MB), types })}</div>
      {errors.map((e, i) => (
        <Alert key={i} type="error" showIcon title={e} style={{ marginTop: 8 }} closable={{ onClose: () => setErrors((list) => list.filter((_, j) => j !== i)) }} data-testid="attachment-error" />
      ))}
    </div>
  );
}
