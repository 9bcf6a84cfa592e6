import { existsSync } from 'node:fs';
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type ErrorBody } from './support/api.js';
import { startTestApp, type TestApp } from './support/testApp.js';

/** A real 2×2 RGB PNG: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]); // filter byte + 2 pixels, twice
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

const docx = async () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('现场情况说明：广告牌已松动。')] }] }));
const text = Buffer.from('东桥路 12 号广告牌现场说明\n第二行 line two\n', 'utf8');

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

describe.each(['sqlite', 'mariadb'] as const)('ACC-1 attachments over HTTP on %s', (dialect) => {
  let app: TestApp;
  let api: Api;
  let root: string;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    api = new Api(app);
    root = join(app.services.config.dataDir, 'attachments');
  }, 60_000);
  afterAll(async () => {
    // MariaDB runs keep DATA_DIR at ./data: remove what this run stored
    if (app) {
      const rows = await app.services.knex('attachments').select('path');
      await Promise.all(rows.map((r: { path: string }) => rm(join(app.services.config.dataDir, r.path), { force: true })));
      for (const dir of [join(root, '2025', '06'), join(root, '2025'), root]) await rmdir(dir).catch(() => undefined); // only when empty
    }
    await app?.dispose();
  });

  async function upload(login: string, name: string, content: Buffer) {
    return app.server.inject({
      method: 'POST', url: `/api/attachments?name=${encodeURIComponent(name)}`, payload: content,
      headers: { authorization: `Bearer ${await api.token(login)}`, 'content-type': 'application/octet-stream' },
    });
  }
  async function uploaded(login: string, name: string, content: Buffer): Promise<{ id: string; name: string; mime: string; size: number; sha256: string }> {
    const res = await upload(login, name, content);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const download = async (login: string, id: string) => app.server.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: { authorization: `Bearer ${await api.token(login)}` } });
  const rowCount = async () => Number((await app.services.knex('attachments').count({ n: '*' }))[0]!.n);
  const ticketCount = async () => Number((await app.services.knex('tickets').count({ n: '*' }))[0]!.n);

  /** Uploads that must be refused with `status` and `code`, and leave no row and no file behind. */
  async function refused(name: string, content: Buffer, status: number, code: string): Promise<ErrorBody> {
    const [rows, files] = [await rowCount(), await filesUnder(root)];
    const res = await upload('zjg.acceptor', name, content);
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json() as ErrorBody;
    expect(body.code).toBe(code);
    expect(await rowCount()).toBe(rows);
    expect(await filesUnder(root)).toEqual(files);
    return body;
  }

  it('ACC-1 uploads a PNG, a txt and a docx, links them at registration and serves them to the acceptor and the handler only', async () => {
    const files = [['现场照片.png', png()], ['说明.txt', text], ['情况说明.docx', await docx()]] as const;
    const saved = [];
    for (const [name, content] of files) saved.push(await uploaded('zjg.acceptor', name, content));
    expect(saved.map((s) => s.mime)).toEqual(['image/png', 'text/plain; charset=utf-8', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    const [photo] = saved;
    const row = await app.services.knex('attachments').where({ id: photo!.id }).first();
    expect(row).toMatchObject({ name: '现场照片.png', uploaded_by: 'zjg.acceptor', ticket_id: null, sha256: photo!.sha256, path: `attachments/2025/06/${photo!.id}` });
    expect(Number(row.size)).toBe(files[0][1].length);
    expect(await readFile(join(root, '2025', '06', photo!.id))).toEqual(files[0][1]);

    const ticket = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', fields: { attachments: saved.map((s) => s.id) } }, '送分拨');
    expect((await app.services.knex('attachments').whereIn('id', saved.map((s) => s.id)).pluck('ticket_id'))).toEqual([ticket.id, ticket.id, ticket.id]);
    await api.act('zjg.dispatcher', ticket.id, 'dsp.assign', undefined, '请城管局主办', { handling: 'mainAssist', main: 'zjg.cgj' });

    for (const login of ['zjg.acceptor', 'zjg.cgj.handler']) {
      for (const [i, [name, content]] of files.entries()) {
        const res = await download(login, saved[i]!.id);
        expect(res.statusCode, `${login} downloads ${name}: ${res.body}`).toBe(200);
        expect(res.rawPayload.equals(content)).toBe(true);
        expect(res.headers['content-type']).toBe(saved[i]!.mime);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-disposition']).toBe(`attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      }
    }
    // a department with no part in the ticket reads nothing
    for (const login of ['zjg.sthj.handler', 'ys.acceptor']) {
      const res = await download(login, photo!.id);
      expect([res.statusCode, (res.json() as ErrorBody).code]).toEqual([403, 'TG_ERR_OUT_OF_SCOPE']);
    }
    expect((await download('zjg.acceptor', 'no-such-attachment')).statusCode).toBe(404);
    // every download is audited, refused ones are not
    const audit = await app.services.knex('audit_log').where({ entity_kind: 'attachment', entity_id: photo!.id }).orderBy('seq');
    expect(audit.map((a: { user_id: string; action: string }) => `${a.user_id} ${a.action}`)).toEqual(['zjg.acceptor attachment.download', 'zjg.cgj.handler attachment.download']);
  });

  it('registration refuses unknown, foreign and already linked attachment ids, and registers nothing', async () => {
    const own = await uploaded('zjg.acceptor', 'a.txt', text);
    const foreign = await uploaded('zjg.dispatcher', 'b.txt', text);
    // an unlinked upload is its uploader's alone
    expect((await download('zjg.dispatcher', foreign.id)).statusCode).toBe(200);
    expect((await download('zjg.acceptor', foreign.id)).statusCode).toBe(403);
    const tickets = await ticketCount();
    for (const ids of [['no-such-id'], [own.id, foreign.id]]) {
      const res = await api.request('zjg.acceptor', 'POST', '/api/tickets', api.registration('acc.toDispatch', { item: 'item.wzgg', fields: { attachments: ids } }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'TG_ERR_ATTACHMENT_UNKNOWN', details: { attachments: ids.slice(-1) } });
    }
    expect(await ticketCount()).toBe(tickets);
    expect((await app.services.knex('attachments').where({ id: own.id }).first()).ticket_id).toBeNull();
    // linked once, then no second ticket may take it
    await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', fields: { attachments: [own.id] } }, '送分拨');
    const again = await api.request('zjg.acceptor', 'POST', '/api/tickets', api.registration('acc.toDispatch', { item: 'item.wzgg', fields: { attachments: [own.id] } }));
    expect([again.statusCode, (again.json() as ErrorBody).code]).toEqual([400, 'TG_ERR_ATTACHMENT_UNKNOWN']);
    expect(await ticketCount()).toBe(tickets + 1);
  });

  it('refuses too large, unlisted and disguised files with stable codes and stores nothing', async () => {
    const big = await refused('big.zip', Buffer.alloc(51 * 1024 * 1024, 0x50), 413, 'TG_ERR_ATTACHMENT_TOO_LARGE');
    expect(big.messageZh).toContain('50 MB');
    await refused('setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256)]), 400, 'TG_ERR_ATTACHMENT_TYPE');
    await refused('noextension', text, 400, 'TG_ERR_ATTACHMENT_TYPE');
    const exe = await refused('photo.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(256)]), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    expect(exe.message).toContain('exe');
    await refused('report.pdf', Buffer.from('这是一段纯文本，不是 PDF。\n', 'utf8'), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    await refused('image.png', await docx(), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    await refused('sheet.xlsx', await docx(), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    await refused('old.doc', png(), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    await refused('notes.txt', Buffer.from([0x68, 0x69, 0x00, 0x21]), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    await refused('gbk.txt', Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    await refused('empty.png', Buffer.alloc(0), 400, 'TG_ERR_ATTACHMENT_CONTENT');
    // just at the limit is fine: the size check is ≤ 50 MB
    const limit = Buffer.alloc(50 * 1024 * 1024, 0x61);
    expect((await uploaded('zjg.acceptor', 'limit.txt', limit)).size).toBe(limit.length);
  });

  it('stores a path-traversal name under its id and keeps only the last segment as the name', async () => {
    const before = await filesUnder(root);
    const saved = await uploaded('zjg.acceptor', '../../../etc/cron.d/..\\evil\u202egnp.txt', text);
    expect(saved.name).toBe('evilgnp.txt');
    const added = (await filesUnder(root)).filter((f) => !before.includes(f));
    expect(added).toEqual([join(root, '2025', '06', saved.id)]);
    expect(existsSync(join(app.services.config.dataDir, '..', '..', '..', 'etc', 'cron.d', 'evilgnp.txt'))).toBe(false);
    expect((await app.services.knex('attachments').where({ id: saved.id }).first()).path).toBe(`attachments/2025/06/${saved.id}`);
    const res = await download('zjg.acceptor', saved.id);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="evilgnp.txt"; filename*=UTF-8''evilgnp.txt`);
  });
});
