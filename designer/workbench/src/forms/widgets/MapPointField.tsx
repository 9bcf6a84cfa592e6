import type { FieldProps } from '@rjsf/utils';
import { InputNumber, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../../shared/i18n';
import { FieldLabel } from './FieldLabel';
import { loadGridShapes, type GridShape } from './gridGeometry';
import '../texts';

interface Point { lng?: number; lat?: number }
const W = 360, H = 150, PAD = 6;

/**
 * `ui:field: mapPoint`: the event's point as longitude/latitude, typed or clicked on a sketch of the
 * grids' polygons (no map tiles: the product runs without network access).
 */
export function MapPointField(props: FieldProps<Point>) {
  const { formData, onChange, fieldPathId, schema, disabled, readonly, required, name } = props;
  const { t } = useI18n('forms');
  const [grids, setGrids] = useState<GridShape[]>([]);
  useEffect(() => { loadGridShapes().then(setGrids, () => setGrids([])); }, []);
  const point = formData ?? {};
  const set = (p: Point) => onChange(p.lng === undefined && p.lat === undefined ? undefined : p, fieldPathId.path);
  const view = useMemo(() => {
    const pts = grids.flatMap((g) => g.geometry?.coordinates[0] ?? []);
    if (pts.length === 0) return undefined;
    const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
    const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    const scale = Math.min((W - 2 * PAD) / (box.x1 - box.x0 || 1), (H - 2 * PAD) / (box.y1 - box.y0 || 1));
    return { ...box, scale };
  }, [grids]);
  const toXY = (lng: number, lat: number) => view ? [PAD + (lng - view.x0) * view.scale, H - PAD - (lat - view.y0) * view.scale] as const : [0, 0] as const;
  const id = fieldPathId.$id;
  const locked = disabled || readonly;
  return (
    <div data-testid={`field-${id}`}>
      <FieldLabel id={id} title={(schema.title as string | undefined) ?? name} required={required} />
      <Space wrap>
        <InputNumber id={`${id}_lng`} placeholder={t('lng')} value={point.lng} min={-180} max={180} step={0.0001} disabled={locked}
          onChange={(v) => set({ ...point, lng: v ?? undefined })} style={{ width: 150 }} />
        <InputNumber id={`${id}_lat`} placeholder={t('lat')} value={point.lat} min={-90} max={90} step={0.0001} disabled={locked}
          onChange={(v) => set({ ...point, lat: v ?? undefined })} style={{ width: 150 }} />
      </Space>
      {view && (
        <svg width="100%" viewBox={`0 0 ${W} ${H}`} style={{ display: 'block', maxWidth: W, marginTop: 8, border: '1px solid #f0f0f0', background: '#fafafa', cursor: locked ? 'default' : 'crosshair' }}
          role="img" aria-label={t('mapHint')} data-testid="map-point"
          onClick={(e) => {
            if (locked) return;
            const r = e.currentTarget.getBoundingClientRect();
            const x = ((e.clientX - r.left) / r.width) * W, y = ((e.clientY - r.top) / r.height) * H;
            const round = (n: number) => Math.round(n * 1e6) / 1e6;
            set({ lng: round(view.x0 + (x - PAD) / view.scale), lat: round(view.y0 + (H - PAD - y) / view.scale) });
          }}>
          <title>{t('mapHint')}</title>
          {grids.map((g) => g.geometry && (
            <polygon key={g.id} points={(g.geometry.coordinates[0] ?? []).map(([lng, lat]) => toXY(lng!, lat!).join(',')).join(' ')}
              fill="#e6f4ff" stroke="#91caff"><title>{g.name}</title></polygon>
          ))}
          {typeof point.lng === 'number' && typeof point.lat === 'number' && (() => { const [x, y] = toXY(point.lng, point.lat); return <circle cx={x} cy={y} r={4} fill="#cf1322" />; })()}
        </svg>
      )}
    </div>
  );
}
