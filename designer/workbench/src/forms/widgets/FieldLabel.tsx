import { Typography } from 'antd';

/** The label custom fields draw themselves (RJSF does not label a `ui:field`). */
export function FieldLabel({ id, title, required }: { id: string; title?: string; required?: boolean }) {
  if (!title) return null;
  return (
    <div style={{ paddingBottom: 8 }}>
      <label htmlFor={id}>
        {required && <Typography.Text type="danger" style={{ marginInlineEnd: 4 }}>*</Typography.Text>}
        {title}
      </label>
    </div>
  );
}
