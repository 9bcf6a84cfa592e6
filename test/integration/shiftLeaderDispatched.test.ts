import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';

/** SPEC DSP-3 "Dispatched list; a shift leader holding the dispatcher role sees everyone's" (view tab `everyoneFor`). */
describe.each(['sqlite', 'mariadb'] as const)('DSP-3 a dispatching shift leader sees every dispatched ticket on %s', (dialect) => {
  const { api } = useTestApp(dialect);

  it('DSP-3 zjg.shiftleader2 (shift leader + dispatcher) lists the ticket zjg.dispatcher dispatched; a plain dispatcher only their own', async () => {
    const byDispatcher = await api.assigned({ handling: 'mainAssist', main: 'zjg.cgj' });
    const t = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('zjg.shiftleader2', t.id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'zjg.zjj' });
    expect(await api.listed('zjg.shiftleader2', 'view.dsp.dispatch', 'dispatched')).toEqual(expect.arrayContaining([byDispatcher.id, t.id]));
    const own = await api.listed('zjg.dispatcher', 'view.dsp.dispatch', 'dispatched');
    expect(own).toContain(byDispatcher.id);
    expect(own).not.toContain(t.id);
  });
});
