import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../engine/index.js';
import { changeRecords, redactHistory } from '../../../runtime/tickets/changeRecords.js';

const edit = (at: number, changes: { field: string; before: unknown; after: unknown }[], fields: Record<string, unknown>): HistoryEvent => ({
  id: `h${at}`, ticket: 't1', entity: { kind: 'ticket', id: 't1' }, event: 'acc.edit', fromNode: 'acceptance', toNode: 'acceptance', center: 'ys', at,
  actor: { user: 'ys.acceptor', department: 'ys' }, data: { fields, changes },
});

const history: HistoryEvent[] = [
  { id: 'h0', ticket: 't1', entity: { kind: 'ticket', id: 't1' }, event: 'grid.report', fromNode: 'registration', toNode: 'acceptance', center: 'ys', at: 0 },
  edit(10, [
    { field: 'title', before: '广告牌', after: '违规广告牌' },
    { field: 'reporterName', before: '张三', after: '张三丰' },
    { field: 'reporterPhone', before: null, after: '13900001111' },
    { field: 'reporterBirthDate', before: '1990-01-01', after: '1991-01-01' },
  ], { title: '违规广告牌', reporterName: '张三丰', reporterPhone: '13900001111', reporterBirthDate: '1991-01-01' }),
  edit(20, [{ field: 'description', before: '旧', after: '新' }], { description: '新' }),
];

describe('ACC-5 change records (修改记录) on the detail page, X-3 redacted', () => {
  it('ACC-5 flattens the change records of the history, oldest first, with who and when', () => {
    expect(changeRecords(history, 'full')).toEqual([
      { at: 10, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'title', before: '广告牌', after: '违规广告牌' },
      { at: 10, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'reporterName', before: '张三', after: '张三丰' },
      { at: 10, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'reporterPhone', before: null, after: '13900001111' },
      { at: 10, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'reporterBirthDate', before: '1990-01-01', after: '1991-01-01' },
      { at: 20, actor: 'ys.acceptor', department: 'ys', event: 'acc.edit', field: 'description', before: '旧', after: '新' },
    ]);
    expect(redactHistory(history, 'full')).toEqual(history);
  });

  it('X-3 handling units see reporter names and phones masked, other reporter fields not at all, in the records and in the history', () => {
    expect(changeRecords(history, 'masked').map((c) => [c.field, c.before, c.after])).toEqual([
      ['title', '广告牌', '违规广告牌'], ['reporterName', '张*', '张**'], ['reporterPhone', null, '139****1111'], ['description', '旧', '新'],
    ]);
    const [, edited, plain] = redactHistory(history, 'masked');
    expect(edited!.data).toEqual({
      fields: { title: '违规广告牌', reporterName: '张**', reporterPhone: '139****1111' },
      changes: [{ field: 'title', before: '广告牌', after: '违规广告牌' }, { field: 'reporterName', before: '张*', after: '张**' }, { field: 'reporterPhone', before: null, after: '139****1111' }],
    });
    expect(plain).toBe(history[2]);
  });

  it('X-3 a confidential ticket hides every reporter change from handling units', () => {
    expect(changeRecords(history, 'hidden').map((c) => c.field)).toEqual(['title', 'description']);
    expect(JSON.stringify(redactHistory(history, 'hidden'))).not.toMatch(/张三|1390000|1991-01-01/);
  });
});
