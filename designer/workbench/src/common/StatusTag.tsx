import { Tag } from 'antd';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { useI18n } from '../../../shared/i18n';

/** A node's status in its flow-status binding's text and colours (DEF-9). */
export function StatusTag({ flow, node, text, textEn, textColor, backgroundColor }: { flow?: string; node: string; text?: string; textEn?: string; textColor?: string; backgroundColor?: string }) {
  const catalogue = useCatalogue();
  const { lang } = useI18n();
  const binding = flow ? catalogue.binding(flow, node) : catalogue.statusBindings.find((b) => b.node === node);
  // textEn: the row's own binding (flow, node and application kind) when the list sent it
  const label = lang === 'en-US' ? textEn ?? binding?.statusTextEn ?? text ?? binding?.statusText ?? node : text ?? binding?.statusText ?? node;
  const color = textColor ?? binding?.textColor;
  const bg = backgroundColor ?? binding?.backgroundColor;
  // never wider than its cell: a long text ends in an ellipsis, whole in the tooltip
  return (
    <Tag title={label} data-node={node} style={{
      color, background: bg, borderColor: color ? `${color}55` : undefined, marginInlineEnd: 0,
      maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle',
    }}>{label}</Tag>
  );
}
