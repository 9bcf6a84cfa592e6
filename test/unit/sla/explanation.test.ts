import { describe, expect, it } from 'vitest';
import {
  describeExplanation,
  describeStep,
  evaluateClock,
  EXPLANATION_CODES,
  extendClock,
  formatDuration,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  type ExplanationStep,
} from '../../../engine/sla/index.js';
import { at, context, hours, limit, minutes } from './fixtures.js';

describe('explanations are data with zh-CN and en-US text (X-5)', () => {
  const handling = limit({ amount: 1, unit: 'workDay', urgencyAmounts: { urgent: 0.5 }, metering: 'single' });
  let state = startClock(undefined, handling, at('2025-09-29 08:30'));
  state = stopClock(state, at('2025-09-29 10:00'));
  state = startClock(state, handling, at('2025-09-30 15:00'));
  state = pauseClock(state, at('2025-09-30 15:30'));
  state = resumeClock(state, at('2025-09-30 16:00'));
  state = extendClock(state, { amount: 2, unit: 'workHour' }, at('2025-09-30 16:10'));
  const result = evaluateClock(state, handling, { ...context, urgency: 'urgent' }, at('2025-09-30 16:10'));

  it('X-5 the explanation lists budget, history and the deadline computation as codes with params', () => {
    expect(result.explanation.map((s) => s.code)).toEqual([
      'limit',
      'urgency',
      'defaultWarning',
      'start',
      'exit',
      'reentryReset',
      'pause',
      'resume',
      'extension',
      'skipHoliday',
      'lunchBreak',
      'warnFrom',
      'due',
    ]);
    // urgent: 0.5 workDay = 3.5 h, + 2 h extension = 5.5 h; 0.5 h before the pause and 1.5 h after it on
    // 09-30, then 3.5 h after the holiday: 09:00-12:00 and 13:30-14:00 on 10-09
    expect(result.budget).toBe(hours(5.5));
    expect(result.consumed).toBe(minutes(40));
    expect(result.dueAt).toBe(at('2025-10-09 14:00'));
    expect(result.sla).toBe('normal');
  });

  it('X-5 zh-CN text', () => {
    expect(describeExplanation(result.explanation, 'zh-CN').split('\n')).toEqual([
      '时限 1 个工作日',
      '紧急程度为“紧急”，采用其时限 0.5 个工作日',
      '未设置预警提前量，剩余 1小时23分钟（时限的四分之一）时开始预警',
      '2025-09-29 08:30 开始计时',
      '2025-09-29 10:00 离开，停止计时',
      '2025-09-30 15:00 重新进入，单次耗时重新计时',
      '2025-09-30 15:30 挂账，暂停计时',
      '2025-09-30 16:00 取消挂账，恢复计时（暂停 30分钟，不计入耗时）',
      '2025-09-30 16:10 延期 2 个工作小时',
      '2025-10-01 至 2025-10-08 国庆节、中秋休息，顺延',
      '12:00-13:30 午休不计时',
      '2025-10-09 11:07 起预警',
      '2025-10-09 14:00 到期',
    ]);
  });

  it('X-5 en-US text', () => {
    expect(describeExplanation(result.explanation, 'en-US').split('\n')).toEqual([
      'Limit: 1 working day',
      'Urgency "urgent": its limit of 0.5 working days applies',
      'No warning threshold set: warning starts when 1 h 23 min remain (a quarter of the limit)',
      '2025-09-29 08:30 clock started',
      '2025-09-29 10:00 left: clock stopped',
      '2025-09-30 15:00 re-entered: single metering restarts the limit',
      '2025-09-30 15:30 suspended: clock paused',
      '2025-09-30 16:00 suspension ended: clock resumed (30 min paused, not counted)',
      '2025-09-30 16:10 extended by 2 working hours',
      '2025-10-01 to 2025-10-08 National Day, Mid-autumn Festival holiday: postponed',
      '12:00-13:30 lunch break not counted',
      'Warning from 2025-10-09 11:07',
      'Due 2025-10-09 14:00',
    ]);
  });

  it('X-5 weekend, lunch break, make-up workday and start outside working hours in both locales', () => {
    const steps: ExplanationStep[] = [
      { code: 'outsideWorkingHours', params: { from: '2025-10-10 08:00', to: '2025-10-10 09:00' } },
      { code: 'lunchBreak', params: { from: '12:00', to: '13:30', times: 2 } },
      { code: 'makeupWorkday', params: { date: '2025-10-11', name: '国庆节', nameEn: 'National Day' } },
      { code: 'skipWeekend', params: { from: '2025-10-18', to: '2025-10-19' } },
      { code: 'skipHoliday', params: { from: '2025-05-31', to: '2025-05-31', names: ['端午'], namesEn: ['Dragon Boat Festival'] } },
      { code: 'due', params: { at: '2025-10-20 10:00', projected: true } },
    ];
    expect(describeExplanation(steps, 'zh-CN')).toBe(
      [
        '2025-10-10 08:00 为非工作时间，自 2025-10-10 09:00 起计时',
        '12:00-13:30 午休不计时（2 次）',
        '2025-10-11 国庆节调休上班，计入工作时间',
        '2025-10-18 至 2025-10-19 周末休息，顺延',
        '2025-05-31 端午休息，顺延',
        '预计 2025-10-20 10:00 到期',
      ].join('\n'),
    );
    expect(describeExplanation(steps, 'en-US')).toBe(
      [
        '2025-10-10 08:00 is outside working hours: counting starts 2025-10-10 09:00',
        '12:00-13:30 lunch break not counted (2 times)',
        '2025-10-11 make-up workday (National Day): counted as working time',
        '2025-10-18 to 2025-10-19 weekend: postponed',
        '2025-05-31 Dragon Boat Festival holiday: postponed',
        'Due 2025-10-20 10:00 (projected)',
      ].join('\n'),
    );
  });

  it('X-5 cumulative re-entry and a missing urgency amount are explained', () => {
    const steps: ExplanationStep[] = [
      { code: 'urgencyNotConfigured', params: { urgency: 'veryUrgent', amount: 8, unit: 'workHour' } },
      { code: 'reentryContinue', params: { at: '2025-06-10 11:00', consumedMs: hours(2), kind: 'working' } },
      { code: 'extensionExceedsOverall', params: { stageDueAt: '2025-06-12 10:00', overallDueAt: '2025-06-11 10:00' } },
    ];
    expect(describeExplanation(steps, 'zh-CN').split('\n')).toEqual([
      '紧急程度为“非常紧急”，未配置其时限，采用一般时限 8 个工作小时',
      '2025-06-10 11:00 重新进入，累计耗时继续计时（已用 2小时）',
      '该部门延期后时间将大于事件到期时间（延期后 2025-06-12 10:00，事件到期 2025-06-11 10:00）',
    ]);
    expect(describeExplanation(steps, 'en-US').split('\n')).toEqual([
      'Urgency "very urgent" has no limit of its own: the ordinary 8 working hours apply',
      '2025-06-10 11:00 re-entered: cumulative metering continues (2 h used)',
      "After the extension this department's deadline (2025-06-12 10:00) is later than the ticket's deadline (2025-06-11 10:00)",
    ]);
  });

  it('X-5 every explanation code has text in both locales', () => {
    const params = { at: 'A', from: 'F', to: 'T', date: 'D', name: 'N', nameEn: 'NE', names: ['N'], namesEn: ['NE'], amount: 2, unit: 'workHour', urgency: 'urgent', amountMs: hours(1), consumedMs: hours(1), pausedMs: minutes(5), kind: 'working', times: 1, projected: false, stageDueAt: 'S', overallDueAt: 'O' };
    for (const code of EXPLANATION_CODES) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = describeStep({ code, params }, locale);
        expect(text, `${code} ${locale}`).toMatch(/\S/);
        expect(text, `${code} ${locale}`).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('X-5 durations read naturally', () => {
    expect(formatDuration(0, 'zh-CN')).toBe('0分钟');
    expect(formatDuration(hours(26.5), 'zh-CN', 'natural')).toBe('1天2小时30分钟');
    expect(formatDuration(hours(26.5), 'en-US')).toBe('26 h 30 min');
    expect(formatDuration(-hours(1), 'en-US')).toBe('-1 h');
  });
});
