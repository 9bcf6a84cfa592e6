import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { SessionUser } from '../auth/authService.js';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { Services } from '../http/context.js';
import { loadHistory } from '../tickets/ticketStore.js';
import { detailData, type DetailData } from './detailData.js';
import type { ExportLang } from './lang.js';
import { exportTemplateOf, PackageTemplateSource, type TemplateSource } from './templateFiles.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocxExport {
  readonly filename: string;
  readonly content: Buffer;
}

interface TemplateErrorLike {
  properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string };
  message?: string;
}

/** The first explanation docxtemplater gives for a broken template. */
function explain(e: unknown): string {
  const err = e as TemplateErrorLike;
  return err.properties?.errors?.[0]?.properties?.explanation ?? err.properties?.explanation ?? err.message ?? String(e);
}

/** Fills a .docx template (docxtemplater tags) with data; a template that cannot be used is a 422. */
export function renderDocx(template: Buffer, data: DetailData, templateId: string): Buffer {
  try {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, nullGetter: () => '' });
    doc.render(data);
    return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  } catch (e) {
    throw new AppError('TG_ERR_EXPORT_TEMPLATE', { template: templateId, detail: explain(e) });
  }
}

/** X-4 / DEF-12: a ticket's details through its domain's export template, as the viewer may see them. */
export class ExportService {
  constructor(private readonly services: Services, private readonly templates: TemplateSource = new PackageTemplateSource()) {}

  /** In `lang`: the template's English variant when the package has one, and names of definitions in English where they have one. */
  async ticketDetail(user: SessionUser, ticketId: string, lang: ExportLang = 'zh-CN'): Promise<DocxExport> {
    const { cb, world, ticket, visibility } = await this.services.tickets.viewable(user, ticketId);
    const template = exportTemplateOf(cb.bundle, ticket.domain);
    const file = await this.templates.read(cb.bundle, template, lang);
    if (!file) throw new AppError('TG_ERR_EXPORT_TEMPLATE', { template: template.id, detail: `${template.file} not found` });
    const now = this.services.clock();
    const data = detailData(cb, world, ticket, visibility, await loadHistory(this.services.knex, ticketId), now, lang);
    const content = renderDocx(file, data, template.id);
    // DESIGN "Data safety": the export carries the reporter, so it is audited like a read
    await recordAudit(this.services.knex, {
      userId: user.id, action: 'ticket.export', entityKind: 'ticket', entityId: ticketId, at: now, detail: { template: template.id, reporter: visibility },
    });
    return { filename: `${ticket.number}-${lang === 'en-US' ? 'details' : '详情'}.docx`, content };
  }
}
