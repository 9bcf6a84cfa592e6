import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { AttendanceSchema } from '../../../definitions/schemas/attendance.js';
import { CalendarSchema, type Calendar } from '../../../definitions/schemas/calendar.js';
import { ManifestSchema } from '../../../definitions/schemas/manifest.js';
import { dayOfIsoDate, weekdayOfDay } from '../../../engine/sla/index.js';
import { buildCnOfficialCalendar, CALENDARS_JSON, CN_YEARS, loadChineseDays, renderCalendarsJson } from './calendarCn.js';

const packageDir = new URL('../../../definitions/packages/calendar-cn/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(name, packageDir)), 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword('x-ref');
  return ajv;
}

describe('calendar-cn definition package (DEF-7)', () => {
  const calendars = readJson('calendars.json') as Calendar[];
  const calendar = calendars[0] as Calendar;

  it('DEF-7 calendars.json is exactly what chinese-days says for 2024-2026 (regenerate: npx tsx test/unit/sla/calendarCn.ts)', () => {
    expect(readFileSync(CALENDARS_JSON, 'utf8')).toBe(renderCalendarsJson(buildCnOfficialCalendar(loadChineseDays())));
  });

  it('DEF-7 the package validates against its schemas', () => {
    const ajv = validator();
    expect(ajv.validate(ManifestSchema, readJson('manifest.json')), ajv.errorsText()).toBe(true);
    expect(readJson('manifest.json')).toEqual({ name: 'calendar-cn', title: '中国法定节假日与调休', version: '1.0.0', dependsOn: [] });
    expect(calendars).toHaveLength(1);
    expect(ajv.validate(CalendarSchema, calendar), ajv.errorsText()).toBe(true);
    const schemes = readJson('attendance-schemes.json') as unknown[];
    expect(schemes).toHaveLength(1);
    expect(ajv.validate(AttendanceSchema, schemes[0]), ajv.errorsText()).toBe(true);
    expect(schemes[0]).toMatchObject({ id: 'standard', utcOffsetMinutes: 480, periods: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }] });
  });

  it('DEF-7 every year has all seven public holidays, and make-up workdays fall on weekends', () => {
    for (const year of CN_YEARS) {
      const names = new Set(calendar.holidays.filter((h) => h.date.startsWith(String(year))).map((h) => h.name));
      expect([...names].sort(), String(year)).toEqual(['中秋', '元旦', '劳动节', '国庆节', '春节', '清明', '端午'].sort());
    }
    const holidayDates = new Set(calendar.holidays.map((h) => h.date));
    for (const w of calendar.workdays) {
      expect(holidayDates.has(w.date), w.date).toBe(false);
      expect([0, 6], w.date).toContain(weekdayOfDay(dayOfIsoDate(w.date)));
    }
    expect(calendar.workdays.map((w) => w.date)).toContain('2025-10-11');
    expect(calendar.holidays.filter((h) => h.date >= '2025-10-01' && h.date <= '2025-10-08')).toHaveLength(8);
  });

  it('DEF-7 the generator only takes the requested years', () => {
    const only2025 = buildCnOfficialCalendar(loadChineseDays(), [2025]);
    expect(only2025.holidays.every((h) => h.date.startsWith('2025-'))).toBe(true);
    expect(only2025.workdays.every((w) => w.date.startsWith('2025-'))).toBe(true);
    expect(only2025.holidays.length).toBeGreaterThan(20);
  });
});
