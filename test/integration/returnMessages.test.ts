import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';

/**
 * SPEC X-2 "a message centre for urges, rejections, returns": a returned grid report reaches the grid
 * worker who made it, a ticket returned to the center that delegated it reaches that center's dispatchers.
 */
describe.each(['sqlite', 'mariadb'] as const)('X-2/ACC-5 returns reach the message centre on %s', (dialect) => {
  const { api } = useTestApp(dialect);

  it('X-2/ACC-5 a grid report returned by the acceptor is a message for its grid worker', async () => {
    const t = await api.gridReport();
    await api.act('ys.acceptor', t.id, 'acc.return', undefined, '描述不清，请补充');
    expect((await api.messages('ys.dq.grid', t.id)).map((m) => m.kind)).toEqual(['return']);
    expect(await api.messages('ys.hq.grid', t.id)).toEqual([]);
  });

  it('X-2/ACC-5/DSP-5 a delegated ticket returned by the lower acceptor is a message for the upper center', async () => {
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('zjg.dispatcher', t.id, 'dsp.delegate', undefined, '请杨舍镇处理', { center: 'ys' });
    await api.act('ys.acceptor', t.id, 'acc.return', undefined, '不属于本镇');
    expect((await api.messages('zjg.dispatcher', t.id)).map((m) => [m.kind, m.title])).toEqual([['return', `退回：${t.number} 测试事件`]]);
  });
});
