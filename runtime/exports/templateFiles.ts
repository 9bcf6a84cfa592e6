import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Bundle } from '../../engine/index.js';
import type { ExportTemplate } from '../../definitions/schemas/index.js';
import { builtInPackagesDir } from '../definitions/readPackage.js';
import { AppError } from '../errors.js';
import type { ExportLang } from './lang.js';

/** Where an export template's .docx comes from; the designer's uploaded templates will be another source. */
export interface TemplateSource {
  /** The template's .docx; for en-US its English variant (`<file>.en-US.docx`) when there is one. */
  read(bundle: Bundle, template: ExportTemplate, lang?: ExportLang): Promise<Buffer | undefined>;
}

/** The file names to try for a template in `lang`: `ticket-detail.en-US.docx` before `ticket-detail.docx` in English. */
export function templateFileNames(file: string, lang: ExportLang = 'zh-CN'): string[] {
  return lang === 'en-US' ? [file.replace(/\.docx$/, '.en-US.docx'), file] : [file];
}

/**
 * DEF-12 templates shipped with the built-in packages: the .docx beside the package JSON that
 * defines the template (the package folder is found by its manifest name, then by any package).
 * A package may ship an English variant beside it, `<name>.en-US.docx`, used for en-US users.
 */
export class PackageTemplateSource implements TemplateSource {
  private folders?: Promise<Map<string, string>>;

  constructor(private readonly root: string = builtInPackagesDir) {}

  private packageFolders(): Promise<Map<string, string>> {
    this.folders ??= (async () => {
      const out = new Map<string, string>();
      for (const entry of await readdir(this.root, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const manifest = await readFile(join(this.root, entry.name, 'manifest.json'), 'utf8').catch(() => undefined);
        const name = manifest ? (JSON.parse(manifest) as { name?: string }).name : undefined;
        if (name) out.set(name, join(this.root, entry.name));
      }
      return out;
    })();
    return this.folders;
  }

  async read(bundle: Bundle, template: ExportTemplate, lang: ExportLang = 'zh-CN'): Promise<Buffer | undefined> {
    // the schema allows a plain .docx file name only; never follow a path
    if (basename(template.file) !== template.file || !template.file.endsWith('.docx')) return undefined;
    const folders = await this.packageFolders();
    const own = folders.get(bundle.locations.exportTemplate[template.id]?.package ?? '');
    const dirs = [...(own ? [own] : []), ...[...folders.values()].filter((d) => d !== own)];
    for (const file of templateFileNames(template.file, lang)) {
      for (const dir of dirs) {
        const content = await readFile(join(dir, file)).catch(() => undefined);
        if (content) return content;
      }
    }
    return undefined;
  }
}

/** The enabled export template of a ticket's domain (DEF-12), or a 404 naming what is missing. */
export function exportTemplateOf(bundle: Bundle, domainId: string): ExportTemplate {
  const domain = bundle.defs.domain[domainId];
  const id = domain?.exportTemplate;
  const template = id ? bundle.defs.exportTemplate[id] : undefined;
  if (!template || template.enabled === false) {
    throw new AppError('TG_ERR_NOT_FOUND', { what: `export template ${id ?? `of domain ${domainId}`}` });
  }
  return template;
}
