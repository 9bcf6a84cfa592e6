import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { checkContent, type AttachmentExt } from '../../../runtime/attachments/contentCheck.js';
import { cleanFileName, contentDisposition, extensionOf } from '../../../runtime/attachments/fileName.js';

const pad = (head: number[] | Buffer, tail: Buffer = Buffer.alloc(0)) => Buffer.concat([Buffer.from(head), Buffer.alloc(512), tail]);
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const cfb = (stream: string) => pad(CFB, Buffer.from(stream, 'utf16le'));

/** An OOXML-shaped zip whose [Content_Types].xml declares `main` as its main part. */
function ooxml(main: string): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x/main.xml" ContentType="${main}"/></Types>`);
  zip.file('x/main.xml', '<x/>');
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const SLIDES = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
const MACRO_WORD = 'application/vnd.ms-word.document.macroEnabled.main+xml';

const accepted = async (content: Buffer, ext: AttachmentExt) => expect(await checkContent(content, ext), ext).toBeUndefined();
const refused = async (content: Buffer, ext: AttachmentExt) => expect(await checkContent(content, ext), ext).toBeDefined();

describe('DESIGN "Data safety": attachment content must match its extension', () => {
  it('images, pdf, rar and 7z by their magic bytes', async () => {
    await accepted(pad([0xff, 0xd8, 0xff, 0xe0]), 'jpg');
    await accepted(pad([0xff, 0xd8, 0xff, 0xe0]), 'jpeg');
    await accepted(pad(Buffer.from('GIF89a')), 'gif');
    await accepted(pad(Buffer.from('BM')), 'bmp');
    await accepted(pad(Buffer.from('%PDF-1.7\n')), 'pdf');
    await accepted(pad(Buffer.from('Rar!\x1a\x07\x00', 'latin1')), 'rar');
    await accepted(pad([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), '7z');
    await refused(pad(Buffer.from('GIF89a')), 'png');
    await refused(pad(Buffer.from('MZ')), 'jpg');
    await refused(pad(Buffer.from('%PDF-1.7\n')), 'rar');
  });

  it('old Office files are OLE2 compound files holding their main stream', async () => {
    await accepted(cfb('WordDocument'), 'doc');
    await accepted(cfb('Workbook'), 'xls');
    await accepted(cfb('Book'), 'xls');
    await accepted(cfb('PowerPoint Document'), 'ppt');
    await refused(cfb('Workbook'), 'doc');
    await refused(cfb('SummaryInformation'), 'ppt');
    await refused(pad(Buffer.from('WordDocument', 'utf16le')), 'doc');
  });

  it('docx, xlsx and pptx are zip packages declaring their own main part; a macro document is not a docx', async () => {
    await accepted(ooxml(WORD), 'docx');
    await accepted(ooxml(SHEET), 'xlsx');
    await accepted(ooxml(SLIDES), 'pptx');
    await refused(ooxml(SHEET), 'docx');
    await refused(ooxml(MACRO_WORD), 'docx');
    const plain = new PizZip();
    plain.file('readme.txt', 'hi');
    const zip = plain.generate({ type: 'nodebuffer' });
    await refused(zip, 'docx');
    await accepted(zip, 'zip');
    await accepted(ooxml(WORD), 'zip');
    await accepted(Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]), 'zip'); // an empty archive
    await refused(pad(Buffer.from('Rar!\x1a\x07\x00', 'latin1')), 'zip');
  });

  it('txt is UTF-8 without NUL bytes', async () => {
    await accepted(Buffer.from('城市运行 ✓\r\n', 'utf8'), 'txt');
    await refused(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), 'txt'); // GBK 你好
    await refused(Buffer.from('a\0b'), 'txt');
    await refused(Buffer.alloc(0), 'txt');
  });
});

describe('attachment file names', () => {
  it('keeps only the last segment, without control or bidi characters and trailing dots', () => {
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('C:\\Users\\张三\\现场照片.JPG')).toBe('现场照片.JPG');
    expect(cleanFileName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('report.pdf. . ')).toBe('report.pdf');
    expect(cleanFileName('..')).toBe('');
    expect(cleanFileName(`${'长'.repeat(300)}.docx`)).toBe(`${'长'.repeat(250)}.docx`);
    expect(extensionOf('a.B.PNG')).toBe('png');
    expect(extensionOf('.bashrc')).toBe('');
  });

  it('Content-Disposition carries an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('现场 "照片" (1).png')).toBe(`attachment; filename="__ ____ (1).png"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%22%E7%85%A7%E7%89%87%22%20%281%29.png`);
  });
});
