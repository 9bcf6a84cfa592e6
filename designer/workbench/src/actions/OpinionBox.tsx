import { Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import './texts';

interface CommonOpinion { id: string; text: string }

let cache: Promise<CommonOpinion[]> | null = null;
/** The user's common opinions (常用意见), fetched once per page load and after saving one. */
function loadOpinions(refresh = false): Promise<CommonOpinion[]> {
  if (!cache || refresh) cache = api.get<{ opinions: CommonOpinion[] }>('/api/opinions').then((r) => r.opinions, () => []);
  return cache;
}

/** The opinion text area with the user's common opinions to pick from and a way to save the text as one (ACC-1). */
export function OpinionBox({ value, onChange, id, onSaved }: { value?: string; onChange?: (v: string) => void; id?: string; onSaved?: (text: string) => void }) {
  const { t } = useI18n('actions');
  const [opinions, setOpinions] = useState<CommonOpinion[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    void loadOpinions().then((list) => { if (live) setOpinions(list); });
    return () => { live = false; };
  }, []);
  const save = async () => {
    const text = value?.trim();
    if (!text) return;
    setSaving(true);
    try {
      await api.post('/api/opinions', { text });
    } catch {
      // 409: saved before — the list below shows it either way
    } finally {
      setOpinions(await loadOpinions(true));
      setSaving(false);
      onSaved?.(text);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          style={{ flex: 1, minWidth: 0 }}
          placeholder={t('pickOpinion')}
          value={null}
          data-testid="common-opinions"
          disabled={opinions.length === 0}
          options={opinions.map((o) => ({ value: o.text, label: o.text }))}
          onChange={(text: string | null) => text && onChange?.(value?.trim() ? `${value.trim()}\n${text}` : text)}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={null}
        />
        <Button onClick={() => void save()} loading={saving} disabled={!value?.trim()} data-testid="save-opinion">{t('saveOpinion')}</Button>
      </Space.Compact>
      <Input.TextArea id={id} rows={3} maxLength={2000} showCount value={value} onChange={(e) => onChange?.(e.target.value)} />
    </Space>
  );
}
