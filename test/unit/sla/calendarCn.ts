/**
 * Generator of `definitions/packages/calendar-cn/calendars.json` from the maintained `chinese-days`
 * package (a devDependency). Regenerate after updating chinese-days or the year range:
 *
 *   npx tsx test/unit/sla/calendarCn.ts
 *
 * `calendarCn.test.ts` fails while the committed file differs from what this produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Calendar, CalendarDate } from '../../../definitions/schemas/calendar.js';

/** Shape of `chinese-days/dist/chinese-days.json`: date → "English name,中文名,days". */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

export const CN_YEARS = [2024, 2025, 2026] as const;

export const CALENDARS_JSON = fileURLToPath(new URL('../../../definitions/packages/calendar-cn/calendars.json', import.meta.url));

export function loadChineseDays(): ChineseDaysData {
  const path = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  return JSON.parse(readFileSync(path, 'utf8')) as ChineseDaysData;
}

function toDates(source: Record<string, string>, years: readonly number[]): CalendarDate[] {
  return Object.entries(source)
    .filter(([date]) => years.includes(Number(date.slice(0, 4))))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, value]) => {
      const parts = value.split(',');
      const name = parts[parts.length - 2] ?? value;
      const nameEn = parts.slice(0, -2).join(',') || name;
      return { date, name, nameEn };
    });
}

/** The `cn-official` calendar: China's public holidays and 调休 make-up workdays for `years`. */
export function buildCnOfficialCalendar(data: ChineseDaysData, years: readonly number[] = CN_YEARS): Calendar {
  return {
    id: 'cn-official',
    name: '中国法定节假日与调休',
    weekend: [0, 6],
    holidays: toDates(data.holidays, years),
    workdays: toDates(data.workdays, years),
    enabled: true,
    remark: `国务院办公厅公布的法定节假日与调休上班日（${years[0]}–${years[years.length - 1]}），由 chinese-days 生成：npx tsx test/unit/sla/calendarCn.ts`,
  };
}

export function renderCalendarsJson(calendar: Calendar): string {
  return `${JSON.stringify([calendar], null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CALENDARS_JSON, renderCalendarsJson(buildCnOfficialCalendar(loadChineseDays())));
  console.log(`wrote ${CALENDARS_JSON}`);
}
