import type { WidgetProps } from '@rjsf/utils';
import { TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useCatalogue } from '../../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../../shared/i18n';
import { buildItemTree, itemsOfDomain, type ItemNode } from './itemTree';
import '../texts';

const directoryKeys = (nodes: ItemNode[]): string[] => nodes.flatMap((n) => (n.kind === 'directory' ? [n.key, ...directoryKeys(n.children ?? [])] : []));

/**
 * 所属事项: the catalogue's directories with their items, searchable by item name, code, keyword or
 * directory name; only items of the form's domain (`ui:options.domain` or formContext.domain).
 */
export function ItemPicker(props: WidgetProps) {
  const { id, value, onChange, disabled, readonly, options, registry } = props;
  const { t, lang } = useI18n('forms');
  const { directories, items } = useCatalogue();
  const domain = (options.domain as string | undefined) ?? (registry.formContext as { domain?: string } | undefined)?.domain;
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const tree = useMemo(() => buildItemTree(directories, itemsOfDomain(items, domain), search, (d) => localName(d, lang)), [directories, items, domain, search, lang]);
  const allKeys = useMemo(() => directoryKeys(tree), [tree]);
  return (
    <TreeSelect
      id={id}
      data-testid={`picker-${id}`}
      style={{ width: '100%' }}
      treeData={tree}
      value={value || undefined}
      onChange={(v) => { onChange(v ?? undefined); setSearch(''); }}
      showSearch={{ searchValue: search, onSearch: (s) => { setSearch(s); setExpanded(null); }, filterTreeNode: false }}
      treeExpandedKeys={search || expanded === null ? allKeys : expanded}
      onTreeExpand={(keys) => setExpanded(keys as string[])}
      allowClear
      disabled={disabled || readonly}
      placeholder={t('searchItem')}
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
