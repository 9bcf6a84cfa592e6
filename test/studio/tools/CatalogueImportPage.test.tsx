import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../designer/shared/i18n';
import { CatalogueImportPage } from '../../../designer/studio/src/tools/CatalogueImportPage';
import type { ImportProblem, ImportResult } from '../../../designer/studio/src/tools/toolsApi';
import { fakeServer } from '../../workbench/lists/fakeServer';

configure({ asyncUtilTimeout: 8000 });

const IMPORT = '/api/studio/tools/catalogue/import';
const problem = (row: number, column: string, messageZh: string, message: string): ImportProblem => ({
  sheet: 'items', sheetName: '事项清单', row, column, field: 'code', header: '清单编码(10位数字)', headerEn: 'Code (10 digits)', code: 'IMPORT_CODE_FORMAT', message, messageZh, value: '123',
});
const bad: ImportResult = { dryRun: true, ok: false, package: 'linkage', entries: [], counts: { create: 0, update: 0, unchanged: 0 }, errors: [problem(3, 'B', '清单编码须为 10 位数字', 'the code has 10 digits'), problem(5, 'B', '清单编码须为 10 位数字', 'the code has 10 digits')] };
const good = (dryRun: boolean): ImportResult => ({
  dryRun, ok: true, package: 'linkage', counts: { create: 1, update: 0, unchanged: 1 }, errors: [],
  entries: [{ sheet: 'items', row: 2, kind: 'item', id: 'item.3100000001', name: '路灯不亮', code: '3100000001', action: 'create' }, { sheet: 'directories', row: 2, kind: 'catalogueDirectory', id: 'dir.srhj', name: '市容环境', action: 'unchanged' }],
});

function page() {
  return render(<AntApp><MemoryRouter><CatalogueImportPage /></MemoryRouter></AntApp>);
}

function choose(container: HTMLElement, name: string) {
  const input = container.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['xlsx bytes'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })] } });
}

describe('catalogue import screen', () => {
  beforeEach(() => setLang('zh-CN'));
  afterEach(cleanup);

  it('checks a chosen file at once, lists every row error with sheet, row and column, and keeps the import closed', async () => {
    const server = fakeServer((call) => (call.path === IMPORT ? { body: bad } : undefined));
    const { container } = page();
    choose(container, 'bad.xlsx');
    const table = await screen.findByTestId('import-errors');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('事项清单3B · 清单编码(10位数字)123清单编码须为 10 位数字'), expect.stringContaining('事项清单5B')]);
    expect(screen.getByTestId('import-summary').textContent).toContain('2 行有错误');
    expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
    const sent = server.to(IMPORT, 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query.get('dryRun')).toBe('true');
    expect(sent[0]!.body).toEqual({ fileName: 'bad.xlsx', content: btoa('xlsx bytes') });
  });

  it('imports a file that passed the check, and shows what it did', async () => {
    const server = fakeServer((call) => (call.path === IMPORT ? { status: call.query.get('dryRun') ? 200 : 201, body: good(call.query.get('dryRun') === 'true') } : undefined));
    const { container } = page();
    choose(container, 'good.xlsx');
    await waitFor(() => expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByTestId('import-summary').textContent).toContain('新增 1、修改 0、不变 1');
    fireEvent.click(screen.getByTestId('import-run'));
    await waitFor(() => expect(server.to(IMPORT, 'POST')).toHaveLength(2));
    expect(server.to(IMPORT, 'POST')[1]!.query.get('dryRun')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toContain('已导入'));
    expect(within(screen.getByTestId('import-plan')).getByText('item.3100000001')).toBeTruthy();
    expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the English name beside the name in the plan (the UI language\'s first), and an English column\'s error by its header', async () => {
    const withEnglish: ImportResult = {
      ...good(true), entries: [{ ...good(true).entries[0]!, nameEn: 'Street light out' }, good(true).entries[1]!],
    };
    fakeServer((call) => (call.path === IMPORT ? { body: withEnglish } : undefined));
    const { container } = page();
    choose(container, 'good.xlsx');
    await screen.findByTestId('import-plan');
    const names = () => within(screen.getByTestId('import-plan')).getAllByRole('row').slice(1).map((r) => r.querySelectorAll('td')[3]!.textContent);
    expect(names()).toEqual(['路灯不亮 · Street light out', '市容环境']);
    cleanup();

    setLang('en-US');
    const tooLong: ImportResult = { ...bad, errors: [{ ...problem(2, 'N', '英文清单名称最多 200 个字符，现有 201 个。', 'Name (English) has 201 characters, at most 200 are allowed'), field: 'nameEn', header: '英文清单名称', headerEn: 'Name (English)', code: 'IMPORT_TOO_LONG' }] };
    fakeServer((call) => (call.path === IMPORT ? { body: (call.body as { fileName: string }).fileName === 'long.xlsx' ? tooLong : withEnglish } : undefined));
    const second = page();
    choose(second.container, 'good.xlsx');
    await screen.findByTestId('import-plan');
    expect(names()).toEqual(['Street light out · 路灯不亮', '市容环境']);
    choose(second.container, 'long.xlsx');
    const table = await screen.findByTestId('import-errors');
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Items (事项清单)2N · Name (English)');
    expect(table.textContent).toContain('at most 200 are allowed');
  });

  it('shows the errors of a refused import (400 with details.errors) in English when the UI is', async () => {
    setLang('en-US');
    fakeServer((call) => {
      if (call.path !== IMPORT) return undefined;
      if (call.query.get('dryRun')) return { body: good(true) };
      return { status: 400, body: { code: 'TG_ERR_VALIDATION', message: 'Invalid request', messageZh: '请求参数不正确', details: { errors: [problem(4, 'B', '编码重复', 'code 3100000001 is also used in row 2')] } } };
    });
    const { container } = page();
    choose(container, 'raced.xlsx');
    await waitFor(() => expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('import-run'));
    const table = await screen.findByTestId('import-errors');
    expect(table.textContent).toContain('code 3100000001 is also used in row 2');
    expect(table.textContent).toContain('Items (事项清单)4B · Code (10 digits)');
  });
});
