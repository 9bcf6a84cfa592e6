import { beforeAll, describe, expect, it } from 'vitest';
import { recommendDuplicates, recommendHistory, searchItems, suggestItems, textSimilarity, type CompiledBundle } from '../../../engine/index.js';
import { builtInBundle } from '../../support/scenario.js';

let cb: CompiledBundle;
beforeAll(async () => {
  cb = await builtInBundle();
});

const current = { id: 'new', title: '东桥路口暴露垃圾无人清运', description: '东桥路与人民路交叉口堆放大量生活垃圾，气味很大', phone: '13812345678', grid: 'g.ys.dq.01' };
const history = [
  { id: 'same-caller', title: '东桥路口垃圾堆放', description: '人民路交叉口生活垃圾堆放多日无人清运', phone: '13812345678', grid: 'g.ys.dq.01' },
  { id: 'same-text-other-grid', title: '东桥路口暴露垃圾无人清运', description: '东桥路与人民路交叉口堆放大量生活垃圾', phone: '13900000000', grid: 'g.fh.xz.01' },
  { id: 'unrelated', title: '小区噪声扰民', description: '夜间施工噪声', phone: '13700000000', grid: 'g.ys.dq.02' },
];

describe('ACC-2 / X-6 recommendations beside the registration form', () => {
  it('X-6 text similarity is 1 for equal texts and 0 for nothing shared', () => {
    expect(textSimilarity('暴露垃圾', '暴露垃圾')).toBe(1);
    expect(textSimilarity('暴露垃圾', '噪声扰民')).toBe(0);
    expect(textSimilarity('东桥路口暴露垃圾', '东桥路口垃圾堆放')).toBeGreaterThan(0.4);
  });

  it('ACC-2 duplicate tickets weigh reporter phone, title, content and grid, most similar first', () => {
    const dup = recommendDuplicates(current, history);
    expect(dup.map((r) => r.id)).toEqual(['same-caller', 'same-text-other-grid']);
    expect(dup[0]?.reasons).toEqual(expect.arrayContaining(['phone', 'grid']));
  });

  it('ACC-2 history tickets compare title and content only', () => {
    const similar = recommendHistory(current, history);
    expect(similar[0]?.id).toBe('same-text-other-grid');
    expect(similar.map((r) => r.id)).not.toContain('unrelated');
  });

  it('X-6 smart classification suggests 暴露垃圾 for a garbage report; ACC-1 item search spans directories', () => {
    const [first] = suggestItems(cb.bundle, 'linkage', current.description);
    expect(first?.item).toBe('item.bllj');
    const dirHits = searchItems(cb.bundle, 'linkage', '市容环境').map((i) => i.id);
    expect(dirHits).toContain('item.bllj');
    expect(searchItems(cb.bundle, 'linkage', '2000000001').map((i) => i.id)).toEqual(['item.bllj']);
    // disabled items can't be chosen
    expect(searchItems(cb.bundle, 'linkage', '动物尸体')).toEqual([]);
  });
});
