/** The longest name the `attachments.name` column keeps (characters). */
const MAX_NAME = 255;

/**
 * A client's file name made safe to record and to show: only its last path segment, without control
 * or format characters (a right-to-left override can disguise `exe` as `gpj`), trimmed of the spaces
 * and dots Windows drops. The name is never used as a path: files are stored under their id.
 */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  const clean = last.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/^[\s.]+|[\s.]+$/gu, '');
  const chars = [...clean];
  if (chars.length <= MAX_NAME) return clean;
  const ext = extensionOf(clean).length <= 16 ? extensionOf(clean) : '';
  const keep = ext ? MAX_NAME - ext.length - 1 : MAX_NAME;
  return chars.slice(0, keep).join('') + (ext ? `.${ext}` : '');
}

/** The lower-case extension of a cleaned name, '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** RFC 6266/5987 Content-Disposition: an ASCII fallback and the UTF-8 name in filename*. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
