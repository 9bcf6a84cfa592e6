import { describe, expect, it } from 'vitest';
import {
  byId,
  exportTemplates,
  hotlineLimits,
  limits,
  parameters,
  read,
  rules,
  services,
} from './support/linkageData.js';

/**
 * Overall time limits (DEF-6), system parameters and distribution rules (DEF-13), services (DEF-5)
 * and export templates (DEF-12) as the `linkage` and `hotline-12345` packages seed them.
 */

describe('DEF-6 overall time limits', () => {
  const limitsById = byId([...limits, ...hotlineLimits]);

  it('this package holds only overall limits, all enabled', () => {
    expect(limits.map((l) => l.id).sort()).toEqual(
      ['tl.overall.1nd', 'tl.overall.10wd', 'tl.overall.24nh', 'tl.overall.3wd', 'tl.overall.5wd', 'tl.overall.8wh'].sort(),
    );
    for (const l of [...limits, ...hotlineLimits]) {
      expect(l.type, l.id).toBe('overall');
      expect(l.enabled, l.id).toBe(true);
    }
  });

  it('working-time limits name the calendar and attendance scheme; natural-time limits do not', () => {
    for (const l of [...limits, ...hotlineLimits]) {
      if (l.unit === 'workDay' || l.unit === 'workHour') {
        expect([l.calendar, l.attendance], l.id).toEqual(['cn-official', 'standard']);
      } else {
        expect([l.calendar, l.attendance], l.id).toEqual([undefined, undefined]);
      }
    }
    const calendars = read<{ id: string }[]>('calendar-cn', 'calendars.json').map((c) => c.id);
    const schemes = read<{ id: string }[]>('calendar-cn', 'attendance-schemes.json').map((c) => c.id);
    expect(calendars).toContain('cn-official');
    expect(schemes).toContain('standard');
  });

  it('urgent and very urgent amounts never exceed the ordinary amount', () => {
    for (const l of [...limits, ...hotlineLimits]) {
      const { urgent = l.amount, veryUrgent = urgent } = l.urgencyAmounts ?? {};
      expect(urgent, l.id).toBeLessThanOrEqual(l.amount);
      expect(veryUrgent, l.id).toBeLessThanOrEqual(urgent);
    }
  });

  it('the seed examples: 暴露垃圾 1 natural day cumulative, 3 working days with 2/1, 8 working hours single', () => {
    expect(limitsById.get('tl.overall.1nd')).toMatchObject({ amount: 1, unit: 'naturalDay', metering: 'cumulative' });
    expect(limitsById.get('tl.overall.3wd')).toMatchObject({ amount: 3, unit: 'workDay', urgencyAmounts: { urgent: 2, veryUrgent: 1 } });
    expect(limitsById.get('tl.overall.5wd')).toMatchObject({ amount: 5, unit: 'workDay' });
    expect(limitsById.get('tl.overall.10wd')).toMatchObject({ amount: 10, unit: 'workDay' });
    expect(limitsById.get('tl.overall.24nh')).toMatchObject({ amount: 24, unit: 'naturalHour' });
    expect(limitsById.get('tl.overall.8wh')).toMatchObject({ amount: 8, unit: 'workHour', metering: 'single' });
    expect(limitsById.get('tl.hotline.5wd')).toMatchObject({
      amount: 5, unit: 'workDay', urgencyAmounts: { urgent: 3, veryUrgent: 1 },
    });
  });
});

describe('DEF-13 parameters, DEF-5 services, DEF-12 export templates', () => {
  it('system parameters hold the seed values', () => {
    expect(Object.fromEntries(parameters.map((p) => [p.id, p.value]))).toEqual({
      EXTRACT_ACCEPT_CASE_NUMBER: 5,
      YQ_APPLY_COUNT: 2,
      GZ_APPLY_COUNT: 1,
      TH_APPLY_COUNT: 1,
    });
    for (const p of parameters) expect(p.name, p.id).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the acceptance pool is on at zjg, the dispatch pool off everywhere', () => {
    expect(rules).toEqual([
      { id: 'pool.acceptance.zjg', pool: 'acceptance', center: 'zjg', enabled: true },
      { id: 'pool.dispatch.all', pool: 'dispatch', enabled: false },
    ]);
  });

  it('services: internal ones name a method, plugin ones a plugin, http ones an https url', () => {
    expect(new Set(services.map((s) => s.kind))).toEqual(new Set(['internal', 'plugin', 'http']));
    for (const s of services) {
      if (s.kind === 'internal') expect(s.method, s.id).toBeDefined();
      if (s.kind === 'plugin') expect(s.plugin, s.id).toBeDefined();
      if (s.kind === 'http') expect(s.url, s.id).toMatch(/^https:\/\//);
    }
    expect(services.filter((s) => s.kind === 'plugin').map((s) => s.plugin).sort()).toEqual(['map', 'sms']);
  });

  it('the detail export template is a .docx', () => {
    expect(exportTemplates).toEqual([
      expect.objectContaining({ id: 'export.detail', name: '详情页事件信息导出模板', file: 'ticket-detail.docx', enabled: true }),
    ]);
  });
});
