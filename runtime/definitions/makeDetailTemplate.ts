/**
 * Builds the linkage package's DEF-12 export template, definitions/packages/linkage/ticket-detail.docx
 * (详情页事件信息): an A4 page in Chinese with docxtemplater tags that runtime/exports fills, and its
 * English variant ticket-detail.en-US.docx (same tags) for users of the en-US workbench.
 * Run it after changing the layout: `npx tsx runtime/definitions/makeDetailTemplate.ts [out.docx]`.
 * `docx` is a devDependency: only this script uses it, the runtime reads the .docx it wrote.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { builtInPackagesDir } from './readPackage.js';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
/** A4 in twentieths of a point, with 2.54 cm / 3.17 cm margins (Word's Chinese default). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1797, right: 1797 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: 21 });

function cell(text: string, width: number, options: { bold?: boolean; shaded?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ children: [run(text, options.bold)] })],
  });
}

/** Label/value pairs, two pairs a row; a pair alone takes the whole row. */
function infoTable(rows: readonly (readonly [string, string] | readonly [string, string, string, string])[]): Table {
  const label = 1500;
  const value = CONTENT_WIDTH / 2 - label;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [label, value, label, value],
    borders: BORDERS,
    rows: rows.map((r) => new TableRow({
      children: r.length === 4
        ? [cell(r[0], label, { bold: true, shaded: true }), cell(r[1], value), cell(r[2], label, { bold: true, shaded: true }), cell(r[3], value)]
        : [cell(r[0], label, { bold: true, shaded: true }), cell(r[1], CONTENT_WIDTH - label, { span: 3 })],
    })),
  });
}

/** A list with a header row and one template row that docxtemplater repeats (the loop opens and closes in that row). */
function loopTable(headers: readonly string[], widths: readonly number[], cells: readonly string[]): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, widths[i]!, { bold: true, shaded: true })) }),
      new TableRow({ children: cells.map((c, i) => cell(c, widths[i]!)) }),
    ],
  });
}

const heading = (text: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, font: FONT, size: 24 })] });

/** The template's words in each language; the tags are the same. */
const LABELS = {
  'zh-CN': {
    title: '详情页事件信息', docTitle: '详情页事件信息导出模板', header: '所属中心：{centerName}    导出时间：{exportedAt}',
    info: '一、事件信息', flow: '二、工单流转', units: '三、承办单位',
    number: '工单编号', status: '当前状态', ticketTitle: '事件标题', item: '事项名称', urgency: '紧急程度', reportedAt: '上报时间', channel: '上报方式',
    reporter: '诉求人', phone: '联系电话', address: '事件地址', grid: '所属网格', registeredAt: '登记时间', description: '事件描述', remarks: '备注',
    history: ['时间', '处理人', '操作', '意见'], tasks: ['承办单位', '办理方式', '办理状态'],
  },
  'en-US': {
    title: 'Ticket details', docTitle: 'Ticket details export template', header: 'Center: {centerName}    Exported: {exportedAt}',
    info: '1. Ticket', flow: '2. Flow', units: '3. Handling departments',
    number: 'Number', status: 'Status', ticketTitle: 'Title', item: 'Item', urgency: 'Urgency', reportedAt: 'Reported', channel: 'Channel',
    reporter: 'Reporter', phone: 'Phone', address: 'Address', grid: 'Grid', registeredAt: 'Registered', description: 'Description', remarks: 'Remarks',
    history: ['Time', 'By', 'Action', 'Opinion'], tasks: ['Department', 'Role', 'Status'],
  },
} as const;

export type TemplateLang = keyof typeof LABELS;

export function detailTemplate(lang: TemplateLang = 'zh-CN'): Document {
  const l = LABELS[lang];
  return new Document({
    creator: 'Tongguan',
    title: l.docTitle,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [{
      properties: { page: { size: A4, margin: MARGIN } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: l.title, bold: true, font: FONT, size: 36 })] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, children: [run(l.header)] }),
        heading(l.info),
        infoTable([
          [l.number, '{number}', l.status, '{statusText}'],
          [l.ticketTitle, '{title}'],
          [l.item, '{itemName}', l.urgency, '{urgency}'],
          [l.reportedAt, '{reportedAt}', l.channel, '{channel}'],
          [l.reporter, '{reporterName}', l.phone, '{reporterPhone}'],
          [l.address, '{address}'],
          [l.grid, '{gridName}', l.registeredAt, '{registeredAt}'],
          [l.description, '{description}'],
          [l.remarks, '{remarks}'],
        ]),
        heading(l.flow),
        loopTable(l.history, [1800, 2300, 1300, CONTENT_WIDTH - 5400], ['{#history}{at}', '{actor}', '{event}', '{opinion}{/history}']),
        heading(l.units),
        loopTable(l.tasks, [CONTENT_WIDTH - 3600, 1600, 2000], ['{#tasks}{department}', '{role}', '{status}{/tasks}']),
      ],
    }],
  });
}

/** Writes the Chinese template and its English variant (`ticket-detail.en-US.docx`, used for en-US users) beside it. */
export async function writeDetailTemplate(out = join(builtInPackagesDir, 'linkage', 'ticket-detail.docx')): Promise<string[]> {
  const en = out.replace(/\.docx$/, '.en-US.docx');
  await writeFile(out, await Packer.toBuffer(detailTemplate('zh-CN')));
  await writeFile(en, await Packer.toBuffer(detailTemplate('en-US')));
  return [out, en];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`wrote ${(await writeDetailTemplate(process.argv[2])).join(', ')}`);
}
