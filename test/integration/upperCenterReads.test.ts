import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';

/** SPEC X-3 "a center sees its own and its lower centers' tickets": what 分拨查询 lists, the detail opens. */
describe.each(['sqlite', 'mariadb'] as const)('X-3 upper centers read their lower centers\' tickets on %s', (dialect) => {
  const { api } = useTestApp(dialect);

  it('X-3 a ticket of 杨舍镇 is listed under 张家港\'s 分拨查询 and opens for 张家港 and 苏州, not for 凤凰镇', async () => {
    const t = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('ys.dispatcher', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'ys.cgzd' });
    expect(await api.listed('zjg.dispatcher', 'view.dsp.query', 'all')).toContain(t.id);
    const status = async (login: string) => (await api.request(login, 'GET', `/api/tickets/${t.id}`)).statusCode;
    expect(await status('zjg.dispatcher')).toBe(200);
    expect(await status('sz.shiftleader')).toBe(200);
    expect(await status('fh.dispatcher')).toBe(403);
    // reading is not acting: the upper center still cannot press 杨舍镇's buttons
    await api.refused('zjg.dispatcher', t.id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ticket.urge', undefined, '催办');
  });
});
