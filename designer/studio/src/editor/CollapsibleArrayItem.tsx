import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';
import { Button, Col, Row, Space, Typography } from 'antd';
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { useState } from 'react';

/** What the studio's form tells its array items: the data (for summaries) and the paths holding errors. */
export interface StudioFormContext {
  colon: boolean;
  labelAlign: 'left' | 'right';
  itemValue(path: (string | number)[]): unknown;
  /** JSON pointers (without the leading slash) that carry an error or finding. */
  errorPaths: string[];
}

/** Long arrays (a flow's nodes and transitions) render collapsed so the form stays fast. */
const COLLAPSE_ABOVE = 6;

function summary(value: unknown): string {
  if (value === null || typeof value !== 'object') return value === undefined ? '' : String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.from)) return `${(v.from as string[]).join(', ')} → ${String(v.to ?? '·')}  ${String(v.button ?? v.event ?? '')}`;
  return [v.id, v.name, v.node, v.region, v.domain, v.button, v.field, v.key, v.mode].filter((x) => typeof x === 'string').join(' · ');
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && Object.keys(v as object).length === 0);

/** An array item with the antd theme's toolbar; in long arrays a one-line summary that opens on click. */
export function CollapsibleArrayItem(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema, totalItems } = props;
  const ctx = registry.formContext as StudioFormContext;
  const path = buttonsProps.fieldPathId.path;
  const pointer = path.join('/');
  const value = ctx.itemValue?.(path);
  const hasError = (ctx.errorPaths ?? []).some((p) => p === pointer || p.startsWith(`${pointer}/`));
  const [open, setOpen] = useState(() => totalItems <= COLLAPSE_ABOVE || isEmpty(value) || hasError);
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  const toolbar = hasToolbar && (
    <Col flex="120px">
      <Space.Compact style={{ width: '100%', justifyContent: 'flex-end' }}><Buttons {...buttonsProps} style={{ width: 'calc(100% / 4)' }} /></Space.Compact>
    </Col>
  );
  if (totalItems <= COLLAPSE_ABOVE) return <Row gutter={24} align="top"><Col flex="1" style={{ minWidth: 0 }}>{children}</Col>{toolbar}</Row>;
  const shown = open || hasError;
  return (
    <Row gutter={24} align="top">
      <Col flex="1" style={{ minWidth: 0 }}>
        <Button type="text" size="small" icon={shown ? <DownOutlined /> : <RightOutlined />} onClick={() => setOpen(!shown)} data-testid={`toggle-${buttonsProps.fieldPathId.$id}`}
          style={{ maxWidth: '100%', overflow: 'hidden', textAlign: 'left' }} danger={hasError}>
          <Typography.Text ellipsis style={{ maxWidth: 520 }}>#{props.index} {summary(value)}</Typography.Text>
        </Button>
        {shown && <div style={{ marginTop: 4 }}>{children}</div>}
      </Col>
      {toolbar}
    </Row>
  );
}
