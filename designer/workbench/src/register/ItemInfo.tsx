import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { Item } from '../../../../definitions/schemas/catalogue';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import { directoryPath } from '../forms/widgets/itemTree';
import './texts';

interface Props {
  item: Item | undefined;
  suggested: { item: string; name: string }[];
  onUse(item: string): void;
}

/** 事项信息 beside the form: the picked item's handling standard, description and legal basis; else suggested items. */
export function ItemInfo({ item, suggested, onUse }: Props) {
  const { t, lang } = useI18n('register');
  const catalogue = useCatalogue();
  const name = (def: { name: string; nameEn?: string }) => localName(def, lang);
  // the item's texts in English where the item has them, else the Chinese ones
  const text = (zh: string | undefined, en: string | undefined) => (lang === 'en-US' && en ? en : zh);
  const standard = text(item?.handlingStandard, item?.handlingStandardEn);
  const description = text(item?.description, item?.descriptionEn);
  const legalBasis = text(item?.legalBasis, item?.legalBasisEn);
  return (
    <Card size="small" title={t('itemInfo')} data-testid="item-info">
      {item ? (
        <Descriptions column={1} size="small" layout="vertical" colon={false}
          items={[
            { key: 'name', label: localName(item, lang), children: <Space wrap size={4}>{directoryPath(catalogue.directories, item, name).map((d) => <Tag key={d}>{d}</Tag>)}<Typography.Text type="secondary">{t('code')} {item.code}</Typography.Text></Space> },
            ...(standard ? [{ key: 'std', label: t('handlingStandard'), children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="handling-standard">{standard}</Typography.Paragraph> }] : []),
            ...(description ? [{ key: 'desc', label: t('description'), children: <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true }} data-testid="item-description">{description}</Typography.Paragraph> }] : []),
            ...(legalBasis ? [{ key: 'law', label: t('legalBasis'), children: <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true }} data-testid="legal-basis">{legalBasis}</Typography.Paragraph> }] : []),
          ]} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('pickItemHint')}</Typography.Text>
          {suggested.length > 0 && (
            <div data-testid="suggested-items">
              <Typography.Text strong>{t('suggestedItems')}</Typography.Text>
              {suggested.slice(0, 3).map((s) => (
                <div key={s.item} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 4 }}>
                  <Typography.Text>{localName(catalogue.item(s.item), lang) || s.name}</Typography.Text>
                  <Button size="small" type="link" onClick={() => onUse(s.item)}>{t('useItem')}</Button>
                </div>
              ))}
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}
