import type CoreForm from '@rjsf/core';
import { Alert, Button, Card, Empty, Space } from 'antd';
import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CatalogueProvider } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';
import { SchemaForm } from '../../../workbench/src/forms/SchemaForm';
import type { Json } from '../definitionsApi';
import '../texts';

export interface PreviewForm {
  id?: string;
  name?: string;
  extends?: string;
  schema?: Json;
  uiSchema?: Json;
}

/**
 * A personalised form as the workbench renders it (its own SchemaForm): the form's own fields,
 * required and conditional rules; the base form's fields are the domain's and are left out.
 */
export function FormPreview({ form }: { form: PreviewForm | undefined }) {
  const { t } = useI18n(['studio', 'common']);
  const ref = useRef<CoreForm>(null);
  const [data, setData] = useState<Json>({});
  const schema = useMemo(() => {
    const s = form?.schema;
    if (!s || typeof s !== 'object' || !s.properties) return null;
    return { ...s, type: 'object', title: undefined, titleEn: undefined } as Json;
  }, [form?.schema]);
  useEffect(() => setData({}), [form?.id]);
  let body;
  if (!schema) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.previewNone')} />;
  else {
    body = (
      <PreviewBoundary key={JSON.stringify(schema) + JSON.stringify(form?.uiSchema ?? {})}>
        <CatalogueProvider>
          <SchemaForm ref={ref} schema={schema} uiSchema={form?.uiSchema ?? {}} formData={data} onChange={setData} hideSubmit idPrefix="preview" />
        </CatalogueProvider>
        <Space><Button size="small" onClick={() => ref.current?.validateForm()} data-testid="preview-check">{t('common:submit')}</Button></Space>
      </PreviewBoundary>
    );
  }
  return (
    <Card size="small" title={t('editor.preview')} extra={form?.id} data-testid="form-preview">
      {body}
    </Card>
  );
}


/** A half-typed schema must not take the editor down with it. */
class PreviewBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };
  static getDerivedStateFromError(e: Error) {
    return { error: e.message };
  }
  render() {
    if (this.state.error) return <Alert type="warning" showIcon message={this.state.error} />;
    return this.props.children;
  }
}
