/** The first worksheet of an xlsx file as rows of text cells (exceljs loads only when a workbook is imported). */
export async function readSheet(file: Blob): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v as string | number);
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
}
