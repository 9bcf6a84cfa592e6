import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mergeDates, normaliseDate, parseRows, parseText } from '../../designer/studio/src/calendar/calendarImport';
import { readSheet } from '../../designer/studio/src/calendar/readSheet';

describe('calendar import: pasted text and xlsx of holidays and make-up workdays', () => {
  it('normalises the usual date spellings and refuses dates that do not exist', () => {
    expect(['2027-01-01', '2027/1/1', '2027.1.1', '20270101', '2027年1月1日'].map(normaliseDate)).toEqual(Array(5).fill('2027-01-01'));
    expect(normaliseDate('2027-02-29')).toBeUndefined();
    expect(normaliseDate('2028-02-29')).toBe('2028-02-29');
    expect(normaliseDate('2027-13-01')).toBeUndefined();
    expect(normaliseDate('Jan 1')).toBeUndefined();
  });

  it('reads pasted lines split by comma, tab or spaces, skips a header, sorts and de-duplicates', () => {
    const text = ['日期,名称,英文名称', '2027-02-06 春节 Spring Festival', '2027-01-01\t元旦\tNew Year\u2019s Day', '', '2027/1/1，元旦', '2027-05-01'].join('\n');
    const parsed = parseText(text, '节假日');
    expect(parsed.errors).toEqual([]);
    expect(parsed.bad).toEqual([]);
    expect(parsed.dates).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-06', name: '春节', nameEn: 'Spring Festival' },
      { date: '2027-05-01', name: '节假日' },
    ]);
  });

  it('reports bad rows by row and column and keeps the good ones', () => {
    const long = '长'.repeat(201);
    const parsed = parseRows([
      ['date', 'name'],
      ['2027-02-30', '错日'],
      ['2027-10-01', '国庆', 'National Day'],
      ['2027-10-02', long],
      ['2027-10-03', '国庆', 'x'.repeat(201)],
      ['not a date', long],
      ['2027-10-09', '调休'],
    ], '调休上班日');
    expect(parsed.dates).toEqual([{ date: '2027-10-01', name: '国庆', nameEn: 'National Day' }, { date: '2027-10-09', name: '调休' }]);
    expect(parsed.bad).toEqual([2, 4, 5, 6]);
    expect(parsed.errors.map(({ row, column, problem }) => [row, column, problem])).toEqual([
      [2, 1, 'date'], [4, 2, 'tooLong'], [5, 3, 'tooLong'], [6, 1, 'date'], [6, 2, 'tooLong'],
    ]);
    expect(parsed.errors[0]!.value).toBe('2027-02-30');
    // a first row with a year in it is data, not a header
    expect(parseRows([['2027-99-01', 'x']], 'd').bad).toEqual([1]);
  });

  it('reads the first worksheet of an xlsx (date cells and text cells)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('节假日');
    sheet.addRow(['日期', '名称', '英文名称']);
    sheet.addRow([new Date(Date.UTC(2027, 0, 1)), '元旦', 'New Year\u2019s Day']);
    sheet.addRow(['2027/2/6', '春节']);
    sheet.addRow(['2027-02-31', '无效']);
    book.addWorksheet('other').addRow(['2030-01-01', 'ignored']);
    const buffer = await book.xlsx.writeBuffer();
    const rows = await readSheet(new Blob([buffer as ArrayBuffer]));
    const parsed = parseRows(rows, '节假日');
    expect(parsed.dates).toEqual([{ date: '2027-01-01', name: '元旦', nameEn: 'New Year\u2019s Day' }, { date: '2027-02-06', name: '春节' }]);
    expect(parsed.errors).toEqual([{ row: 4, column: 1, problem: 'date', value: '2027-02-31' }]);
  });

  it('merges an import: the imported years replace, other years stay', () => {
    const current = [{ date: '2026-10-01', name: '国庆' }, { date: '2027-01-01', name: '旧' }, { date: '2027-03-01', name: '删' }];
    const imported = [{ date: '2027-01-01', name: '元旦' }];
    expect(mergeDates(current, imported, true)).toEqual([{ date: '2026-10-01', name: '国庆' }, { date: '2027-01-01', name: '元旦' }]);
    expect(mergeDates(current, imported, false).map((d) => d.name)).toEqual(['国庆', '元旦', '删']);
  });
});
