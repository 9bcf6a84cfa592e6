import { fileTypeFromBuffer } from 'file-type';
import PizZip from 'pizzip';

/** ACC-1: the attachment types the seed lists, by extension, with the MIME type a download is served as. */
export const ATTACHMENT_TYPES = {
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  rar: 'application/vnd.rar',
  zip: 'application/zip',
  '7z': 'application/x-7z-compressed',
} as const;

export type AttachmentExt = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_EXTS = Object.keys(ATTACHMENT_TYPES) as AttachmentExt[];

export function isAttachmentExt(ext: string): ext is AttachmentExt {
  return Object.hasOwn(ATTACHMENT_TYPES, ext);
}

/** Why a file's content does not match its extension, in both languages; undefined when it matches. */
export interface Mismatch {
  readonly zh: string;
  readonly en: string;
}

/** The file-type verdicts each extension accepts (`ai` is a PDF with Illustrator data). */
const SNIFFED: Partial<Record<AttachmentExt, readonly string[]>> = {
  jpg: ['jpg'], jpeg: ['jpg'], png: ['png'], gif: ['gif'], bmp: ['bmp'], pdf: ['pdf', 'ai'], rar: ['rar'], '7z': ['7z'],
};

/** Office Open XML: the main part's content type that [Content_Types].xml must declare. */
const OOXML_MAIN: Partial<Record<AttachmentExt, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
};

/** Old binary Office files are OLE2 compound files; their directory names the main stream (UTF-16LE). */
const CFB_STREAMS: Partial<Record<AttachmentExt, readonly string[]>> = {
  doc: ['WordDocument'], xls: ['Workbook', 'Book'], ppt: ['PowerPoint Document'],
};

const ZIP_SIGNATURES = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];
/** [Content_Types].xml is small; a bigger one is not worth inflating (zip bombs). */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

const mismatch = (zh: string, en: string): Mismatch => ({ zh, en });

function checkText(content: Buffer): Mismatch | undefined {
  if (content.includes(0)) return mismatch('文本文件含有二进制内容', 'a text file with binary content');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return undefined;
  } catch {
    return mismatch('文本文件须为 UTF-8 编码', 'a text file must be UTF-8');
  }
}

function checkOoxml(content: Buffer, ext: AttachmentExt, main: string): Mismatch | undefined {
  const wrong = mismatch(`不是有效的 ${ext} 文档`, `not a valid ${ext} document`);
  if (!content.subarray(0, 4).equals(ZIP_SIGNATURES[0]!)) return wrong;
  try {
    const zip = new PizZip(content);
    const entry = zip.file('[Content_Types].xml') as (PizZip.ZipObject & { _data?: { uncompressedSize?: number } }) | null;
    if (!entry || (entry._data?.uncompressedSize ?? 0) > MAX_CONTENT_TYPES_BYTES) return wrong;
    return entry.asText().includes(`ContentType="${main}"`) ? undefined : wrong;
  } catch {
    return wrong;
  }
}

function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

/**
 * DESIGN "Data safety": does the content match the extension? Magic bytes are sniffed with
 * file-type; txt must be UTF-8 without NUL bytes; doc/xls/ppt are OLE2 compound files holding their
 * main stream; docx/xlsx/pptx are zip packages declaring their main part; rar, 7z and zip by signature.
 */
export async function checkContent(content: Buffer, ext: AttachmentExt): Promise<Mismatch | undefined> {
  if (content.length === 0) return mismatch('文件为空', 'the file is empty');
  if (ext === 'txt') return checkText(content);
  const found = (await fileTypeFromBuffer(content))?.ext;
  const actually = found
    ? mismatch(`实际内容为 ${found}`, `the content is ${found}`)
    : mismatch('无法识别文件内容', 'the content is not recognised');
  const main = OOXML_MAIN[ext];
  // file-type reads the zip entries as they come; a package it cannot place is still checked by its directory
  if (main) return found === ext || found === 'zip' ? checkOoxml(content, ext, main) : actually;
  if (ext === 'zip') return ZIP_SIGNATURES.some((s) => content.subarray(0, 4).equals(s)) ? undefined : actually;
  const streams = CFB_STREAMS[ext];
  if (streams) {
    if (found !== 'cfb') return actually;
    return streams.some((s) => content.includes(utf16(s))) ? undefined : mismatch(`不是有效的 ${ext} 文档`, `not a valid ${ext} document`);
  }
  return found && SNIFFED[ext]?.includes(found) ? undefined : actually;
}
