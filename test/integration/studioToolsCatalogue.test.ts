import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE } from '../../runtime/org/importTemplate.js';
import { DirectoryColumns, ItemColumns, type CatalogueColumn } from '../../runtime/studioTools/catalogueSheets.js';
import { call } from './support/orgApi.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const ADMIN = 'sz.admin';
type Cells = Readonly<Record<string, string>>;
interface Problem { sheet: string; sheetName: string; row: number; column: string; field: string; code: string; messageZh: string; value: string }
interface Draft { id: string; package: string; definition: Record<string, unknown> }

/** A catalogue workbook with the template's headers and the given rows (by field). */
async function workbook(directories: readonly Cells[], items: readonly Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const dirs = wb.addWorksheet('事项目录');
  dirs.addRow(DirectoryColumns.map((c) => c.header));
  for (const d of directories) dirs.addRow(DirectoryColumns.map((c) => d[c.field] ?? ''));
  const its = wb.addWorksheet('事项清单');
  its.addRow(ItemColumns.map((c) => c.header));
  for (const i of items) its.addRow(ItemColumns.map((c) => i[c.field] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook with one sheet whose columns are the given ones in the given order (headers by `header`, or by `headerEn`). */
async function sheetWith(name: string, columns: readonly CatalogueColumn[], rows: readonly Cells[], english = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(name);
  sheet.addRow(columns.map((c) => (english ? c.headerEn : c.header)));
  for (const r of rows) sheet.addRow(columns.map((c) => r[c.field] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const column = (columns: readonly CatalogueColumn[], field: string) => columns.find((c) => c.field === field)!;
/** The columns of the template before the English ones were added. */
const OLD_ITEM_COLUMNS = ItemColumns.filter((c) => !c.mayBeAbsent);
const OLD_DIRECTORY_COLUMNS = DirectoryColumns.filter((c) => !c.mayBeAbsent);

const NEW_DIR = { id: 'dir.test.ggss', name: '公共设施测试', parent: 'dir.szss', version: '2025版', status: '停用', description: '导入测试目录' };
const NEW_SUB = { id: 'dir.test.ggss.ld', name: '路灯测试', parent: '公共设施测试', status: '停用' };
const ITEM_A = {
  code: '3100000001', name: '路灯不亮测试', directory: 'dir.test.ggss.ld', status: '停用', region: '张家港市', description: '路灯夜间不亮',
  legalBasis: '《城市照明管理规定》', handlingStandard: '24小时内修复', domains: '联动', overallLimit: '3个工作日', keywords: '路灯、照明',
};
const ITEM_B = { id: 'item.test.jg', code: '3100000002', name: '井盖缺失测试', directory: '公共设施测试', status: '启用', domains: 'linkage', overallLimit: 'tl.overall.24nh' };

describe.each(['sqlite', 'mariadb'] as const)('catalogue import (DEF-2, DEF-3) on %s', (dialect) => {
  let app: TestApp;
  const upload = async (body: Buffer, query = '', as = ADMIN) => app.server.inject({
    method: 'POST', url: `/api/studio/tools/catalogue/import${query}`, payload: body,
    headers: { authorization: `Bearer ${await app.login(as)}`, 'content-type': XLSX_CONTENT_TYPE },
  });
  const drafts = async (kind: string) => ((await call(app, ADMIN, 'GET', `/api/definitions/${kind}?limit=1000`)).json() as { items: Draft[] }).items;
  const draftRows = async () => Number((await app.services.knex('definition_drafts').count({ n: '*' }).first())?.n ?? 0);

  beforeAll(async () => { app = await startTestApp(dialect); }, 60_000);
  afterAll(async () => { await app?.dispose(); });

  it('the template has the directory and item sheets with the seed columns, an unchanged example row each and the choices', async () => {
    const res = await call(app, ADMIN, 'GET', '/api/studio/tools/catalogue/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项目录', '事项清单', '可选值']);
    expect(wb.getWorksheet('事项清单')!.getRow(1).values).toEqual([undefined, ...ItemColumns.map((c) => c.header)]);
    expect(String(wb.getWorksheet('事项清单')!.getCell('B2').value)).toMatch(/^\d{10}$/);
    // the English columns come after the Chinese ones, with the current texts of the example rows
    const items = wb.getWorksheet('事项清单')!;
    expect(['N', 'O', 'P', 'Q'].map((l) => items.getCell(`${l}1`).value)).toEqual(['英文清单名称', '英文清单描述', '英文法律依据', '英文事件处置标准']);
    expect(JSON.stringify(items.getCell('N1').note)).toContain('Name (English)');
    const example = (await drafts('item')).find((d) => d.id === items.getCell('A2').value)!.definition;
    expect(example.nameEn).toBeTruthy();
    expect(['N2', 'O2', 'P2', 'Q2'].map((a) => items.getCell(a).value)).toEqual([example.nameEn, example.descriptionEn, example.legalBasisEn, example.handlingStandardEn]);
    const dirSheet = wb.getWorksheet('事项目录')!;
    expect(dirSheet.getCell('G1').value).toBe('英文名称');
    const dir = (await drafts('catalogueDirectory')).find((d) => d.id === dirSheet.getCell('A2').value)!.definition;
    expect(dir.nameEn).toBeTruthy();
    expect(dirSheet.getCell('G2').value).toBe(dir.nameEn);
    const choices = wb.getWorksheet('可选值')!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 3).join('|') : ''));
    expect(choices).toContain('领域|linkage');
    expect(choices).toContain('整体时限|tl.overall.3wd');
    // the example rows are the drafts themselves: importing the template as it is changes nothing
    const before = await draftRows();
    const dry = await upload(res.rawPayload, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, dryRun: true, counts: { create: 0, update: 0, unchanged: 2 } });
    expect(await draftRows()).toBe(before);
  });

  it('answers 403 to a user without the admin role', async () => {
    expect((await call(app, 'zjg.acceptor', 'GET', '/api/studio/tools/catalogue/template')).statusCode).toBe(403);
    const res = await upload(await workbook([NEW_DIR], []), '', 'zjg.acceptor');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('TG_ERR_FORBIDDEN');
  });

  it('refuses a body that is not an .xlsx workbook, or a sheet without the template header', async () => {
    const garbage = await upload(Buffer.from('not a spreadsheet at all'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ code: 'TG_ERR_CATALOGUE_IMPORT_FILE', details: { reason: expect.stringContaining('xlsx') } });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('事项清单').addRow(['编码', '名称']);
    const wrongHeader = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(wrongHeader.statusCode).toBe(400);
    expect(wrongHeader.json()).toMatchObject({ code: 'TG_ERR_CATALOGUE_IMPORT_FILE', details: { sheet: 'items' } });
    const empty = await upload(await workbook([], []));
    expect(empty.json().code).toBe('TG_ERR_CATALOGUE_IMPORT_FILE');
  });

  it('reports every bad row with sheet, row and column and writes nothing, in a dry run and in an import', async () => {
    const file = await workbook(
      [NEW_DIR, { id: 'dir bad id', name: '坏目录', status: '启用' }, { id: 'dir.test.x', name: '无上级', parent: 'dir.nowhere', status: '开启' }, NEW_SUB],
      [
        ITEM_A,
        { ...ITEM_B, code: '31000000' },
        { code: '3100000001', name: '重复编码', directory: 'dir.test.ggss', status: '停用', domains: 'linkage' },
        { code: '2000000001', name: '占用编码', directory: 'dir.test.ggss', status: '停用', domains: 'linkage' },
        { code: '3100000009', name: '', directory: '不存在的目录', status: '停用', domains: '不存在的领域', overallLimit: 'tl.stage.accept' },
      ],
    );
    const before = await draftRows();
    const dry = await upload(file, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    const report = dry.json() as { ok: boolean; errors: Problem[]; entries: unknown[] };
    expect(report.ok).toBe(false);
    expect(report.entries).toEqual([]);
    const at = (sheet: string, row: number) => report.errors.filter((e) => e.sheet === sheet && e.row === row).map((e) => `${e.column}:${e.code}`).sort();
    expect(at('directories', 2)).toEqual([]);
    expect(at('directories', 3)).toEqual(['A:IMPORT_ID_FORMAT']);
    expect(at('directories', 4)).toEqual(['C:IMPORT_UNKNOWN_REFERENCE', 'E:IMPORT_STATUS']);
    expect(at('items', 2)).toEqual([]);
    expect(at('items', 3)).toEqual(['B:IMPORT_CODE_FORMAT']);
    expect(at('items', 4)).toEqual(['B:IMPORT_DUPLICATE_CODE']);
    expect(at('items', 5)).toEqual(['B:IMPORT_CODE_TAKEN']);
    expect(at('items', 6)).toEqual(['C:IMPORT_REQUIRED', 'D:IMPORT_UNKNOWN_REFERENCE', 'J:IMPORT_UNKNOWN_REFERENCE', 'K:IMPORT_NOT_OVERALL_LIMIT']);
    const taken = report.errors.find((e) => e.code === 'IMPORT_CODE_TAKEN')!;
    expect(taken).toMatchObject({ sheetName: '事项清单', field: 'code', value: '2000000001' });
    expect(taken.messageZh).toContain('暴露垃圾');

    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'TG_ERR_VALIDATION', details: { errors: report.errors } });
    expect(await draftRows()).toBe(before);
    expect((await drafts('item')).some((d) => d.id === 'item.3100000001')).toBe(false);
  });

  it('imports good rows into the drafts all at once: ids by code, references by name or id, directories from the same file', async () => {
    const file = await workbook([NEW_DIR, NEW_SUB], [ITEM_A, ITEM_B]);
    const dry = await upload(file, '?dryRun=true');
    expect(dry.json().errors).toEqual([]);
    expect(dry.json()).toMatchObject({ ok: true, counts: { create: 4, update: 0, unchanged: 0 } });
    expect((await drafts('item')).some((d) => d.id === 'item.3100000001')).toBe(false);

    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ok: true, dryRun: false, counts: { create: 4 } });
    const items = await drafts('item');
    const a = items.find((d) => d.id === 'item.3100000001')!;
    expect(a.package).toBe('linkage');
    expect(a.definition).toEqual({
      id: 'item.3100000001', code: '3100000001', name: '路灯不亮测试', directory: 'dir.test.ggss.ld', enabled: false, region: '张家港市',
      description: '路灯夜间不亮', legalBasis: '《城市照明管理规定》', handlingStandard: '24小时内修复',
      domains: [{ domain: 'linkage', overallLimit: 'tl.overall.3wd' }], dispatch: [], keywords: ['路灯', '照明'],
    });
    expect(items.find((d) => d.id === 'item.test.jg')!.definition).toMatchObject({ directory: 'dir.test.ggss', enabled: true, domains: [{ domain: 'linkage', overallLimit: 'tl.overall.24nh' }] });
    const dirs = await drafts('catalogueDirectory');
    expect(dirs.find((d) => d.id === 'dir.test.ggss.ld')!.definition).toMatchObject({ parent: 'dir.test.ggss', enabled: false });
    // the imported drafts pass the lint the studio publishes with
    const lint = (await call(app, ADMIN, 'POST', '/api/definitions/lint')).json() as { findings: { severity: string; definition?: { id: string } }[] };
    expect(lint.findings.filter((f) => f.severity === 'error' && f.definition && ['item.3100000001', 'item.test.jg', 'dir.test.ggss'].includes(f.definition.id))).toEqual([]);
  });

  it('a second import updates a disabled item, keeps its dispatch configuration, and refuses to change an enabled one', async () => {
    const before = (await drafts('item')).find((d) => d.id === 'item.test.jg')!;
    const refused = await upload(await workbook([], [{ ...ITEM_B, name: '井盖缺失（改）' }]));
    expect(refused.statusCode).toBe(400);
    expect((refused.json().details.errors as Problem[]).map((e) => `${e.row}${e.column}:${e.code}`)).toEqual(['2E:IMPORT_RULE']);
    expect((await drafts('item')).find((d) => d.id === 'item.test.jg')!.definition).toEqual(before.definition);

    const updated = await upload(await workbook([], [{ ...ITEM_A, name: '路灯不亮（改）', keywords: '' }]));
    expect(updated.statusCode, updated.body).toBe(201);
    expect(updated.json().counts).toEqual({ create: 0, update: 1, unchanged: 0 });
    const a = (await drafts('item')).find((d) => d.id === 'item.3100000001')!.definition;
    expect(a).toMatchObject({ name: '路灯不亮（改）', dispatch: [] });
    expect(a).not.toHaveProperty('keywords');
  });

  it('sets the English texts of directories and items, and reports an over-long one at its row and column without writing anything', async () => {
    const english = { nameEn: 'Street light out (test)', descriptionEn: 'A street light is dark at night', legalBasisEn: 'Urban Lighting Rules', handlingStandardEn: 'Repair within 24 hours' };
    const file = await workbook([{ ...NEW_SUB, nameEn: 'Street lights (test)' }], [{ ...ITEM_A, name: '路灯不亮（改）', keywords: '', ...english }]);
    const dry = await upload(file, '?dryRun=true');
    expect(dry.json()).toMatchObject({ ok: true, counts: { create: 0, update: 2, unchanged: 0 } });
    expect(dry.json().entries).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'item.3100000001', nameEn: 'Street light out (test)' })]));
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(201);
    expect((await drafts('item')).find((d) => d.id === 'item.3100000001')!.definition).toMatchObject(english);
    expect((await drafts('catalogueDirectory')).find((d) => d.id === 'dir.test.ggss.ld')!.definition).toMatchObject({ nameEn: 'Street lights (test)' });

    const before = { items: await drafts('item'), dirs: await drafts('catalogueDirectory'), rows: await draftRows() };
    const tooLong = await workbook(
      [{ ...NEW_SUB, nameEn: 'D'.repeat(201) }],
      [{ ...ITEM_A, name: '路灯不亮（改）', keywords: '', ...english, nameEn: 'N'.repeat(201), legalBasisEn: '法'.repeat(20_001) }, { ...ITEM_B, code: '3100000004', id: '', status: '停用', descriptionEn: 'fine' }],
    );
    const checked = await upload(tooLong, '?dryRun=true');
    const errors = checked.json().errors as (Problem & { header: string; headerEn: string })[];
    expect(errors.map((e) => `${e.sheet}/${e.row}${e.column}:${e.code}`)).toEqual(['directories/2G:IMPORT_TOO_LONG', 'items/2N:IMPORT_TOO_LONG', 'items/2P:IMPORT_TOO_LONG']);
    expect(errors[1]).toMatchObject({ field: 'nameEn', header: '英文清单名称', headerEn: 'Name (English)', messageZh: '英文清单名称最多 200 个字符，现有 201 个。' });
    const refused = await upload(tooLong);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.errors).toEqual(errors);
    // all or nothing: the good row 3 (a new item) is not written either
    expect(await draftRows()).toBe(before.rows);
    expect(await drafts('item')).toEqual(before.items);
    expect(await drafts('catalogueDirectory')).toEqual(before.dirs);
  });

  it('finds the columns by header: a workbook of the older template (no English columns) imports and keeps the English texts', async () => {
    const old = await sheetWith('事项清单', OLD_ITEM_COLUMNS, [{ ...ITEM_A, name: '路灯不亮（旧模板）', keywords: '' }]);
    const res = await upload(old);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect((await drafts('item')).find((d) => d.id === 'item.3100000001')!.definition).toMatchObject({ name: '路灯不亮（旧模板）', nameEn: 'Street light out (test)', legalBasisEn: 'Urban Lighting Rules' });
    const oldDirs = await sheetWith('事项目录', OLD_DIRECTORY_COLUMNS, [{ ...NEW_SUB, description: '旧模板' }]);
    expect((await upload(oldDirs)).statusCode).toBe(201);
    expect((await drafts('catalogueDirectory')).find((d) => d.id === 'dir.test.ggss.ld')!.definition).toMatchObject({ description: '旧模板', nameEn: 'Street lights (test)' });

    // columns in another order, with English headers: each problem names the column where it stands in this file
    const moved = [column(ItemColumns, 'code'), column(ItemColumns, 'name'), column(ItemColumns, 'nameEn'), ...OLD_ITEM_COLUMNS.filter((c) => !['code', 'name'].includes(c.field))];
    const bad = await upload(await sheetWith('Items', moved, [{ ...ITEM_A, nameEn: 'N'.repeat(201), directory: '不存在的目录' }], true), '?dryRun=true');
    expect((bad.json().errors as Problem[]).map((e) => `${e.column}:${e.field}:${e.code}`)).toEqual(['C:nameEn:IMPORT_TOO_LONG', 'E:directory:IMPORT_UNKNOWN_REFERENCE']);
  });

  it('clears an English text whose cell is emptied in a workbook that has the column, as it does for the Chinese texts', async () => {
    const res = await upload(await workbook([NEW_SUB], [{ ...ITEM_A, name: '路灯不亮（旧模板）', keywords: '', description: '', legalBasisEn: 'Urban Lighting Rules (2024)' }]));
    expect(res.statusCode, res.body).toBe(201);
    const a = (await drafts('item')).find((d) => d.id === 'item.3100000001')!.definition;
    expect(a).toMatchObject({ legalBasisEn: 'Urban Lighting Rules (2024)', legalBasis: '《城市照明管理规定》' });
    for (const f of ['description', 'nameEn', 'descriptionEn', 'handlingStandardEn']) expect(a).not.toHaveProperty(f);
    expect((await drafts('catalogueDirectory')).find((d) => d.id === 'dir.test.ggss.ld')!.definition).not.toHaveProperty('nameEn');
  });

  it('refuses a sheet that lacks one of the first template\'s columns, or has one twice', async () => {
    const missing = await upload(await sheetWith('事项清单', OLD_ITEM_COLUMNS.filter((c) => c.field !== 'region'), [ITEM_A]));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'TG_ERR_CATALOGUE_IMPORT_FILE', details: { sheet: 'items', missing: ['行政区划'] } });
    const twice = await upload(await sheetWith('事项清单', [...ItemColumns, column(ItemColumns, 'nameEn')], [ITEM_A]));
    expect(twice.json()).toMatchObject({ code: 'TG_ERR_CATALOGUE_IMPORT_FILE', details: { sheet: 'items', columns: ['N', 'R'] } });
  });

  it('takes the file as base64 JSON as well', async () => {
    const content = (await workbook([], [{ ...ITEM_A, code: '3100000003', name: '路灯倾斜测试' }])).toString('base64');
    const res = await app.server.inject({
      method: 'POST', url: '/api/studio/tools/catalogue/import?dryRun=true', payload: { fileName: 'x.xlsx', content },
      headers: { authorization: `Bearer ${await app.login(ADMIN)}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, entries: [{ id: 'item.3100000003', action: 'create', row: 2, sheet: 'items' }] });
    const bad = await app.server.inject({
      method: 'POST', url: '/api/studio/tools/catalogue/import', payload: { content: 42 },
      headers: { authorization: `Bearer ${await app.login(ADMIN)}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('TG_ERR_VALIDATION');
  });
});
