import { expect } from 'vitest';
import { DEMO_PASSWORD } from './server.js';

/** Registration and actions over HTTP for browser tests whose subject is another screen. */
export class TicketApi {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly url: string) {}

  token(login: string): Promise<string> {
    let t = this.tokens.get(login);
    if (!t) {
      t = fetch(`${this.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) })
        .then(async (r) => ((await r.json()) as { token: string }).token);
      this.tokens.set(login, t);
    }
    return t;
  }

  async call<T>(login: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method, headers: { authorization: `Bearer ${await this.token(login)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    expect(res.ok, `${login} ${method} ${path}: ${text}`).toBe(true);
    return JSON.parse(text) as T;
  }

  /** ACC-1 by an acceptor with "send to dispatch" (the seed's default form, 东桥社区). */
  /** ACC-1: uploads a file (the raw body) and returns its attachment id. */
  async upload(login: string, name: string, content: string): Promise<string> {
    const res = await fetch(`${this.url}/api/attachments?name=${encodeURIComponent(name)}`, {
      method: 'POST', headers: { authorization: `Bearer ${await this.token(login)}`, 'content-type': 'application/octet-stream' }, body: content,
    });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    return (JSON.parse(text) as { id: string }).id;
  }

  async register(login: string, o: { item?: string; title?: string; grid?: string; callbackWanted?: boolean; urgency?: string; button?: string; attachments?: string[] } = {}): Promise<{ id: string; number: string }> {
    const item = o.item ?? 'item.wzgg';
    const grid = o.grid ?? 'g.ys.dq.01';
    const title = o.title ?? '东桥路口违规广告牌';
    const fields = {
      reportTime: new Date().toISOString(), channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
      title, description: '东桥路口有违规设置的广告牌，影响通行和市容。', regionCode: '320582', address: '东桥路 12 号', grid, item,
      eventType: 'complaint', difficult: false, ...(o.attachments ? { attachments: o.attachments } : {}),
    };
    const r = await this.call<{ ticket: { id: string; number: string } }>(login, 'POST', '/api/tickets', {
      domain: 'linkage', item, title, channel: 'phone', grid, callbackWanted: o.callbackWanted ?? true, ...(o.urgency ? { urgency: o.urgency } : {}),
      fields, button: o.button ?? 'acc.toDispatch', opinion: '送分拨',
    });
    return r.ticket;
  }

  act(login: string, ticket: string, body: Record<string, unknown>) {
    return this.call<{ ticket: { node: string } }>(login, 'POST', `/api/tickets/${ticket}/actions`, body);
  }

  detail(login: string, ticket: string) {
    return this.call<{
      ticket: { node: string; center: string; version: number };
      tasks: { id: string; department: string; node: string; clocks: Record<string, { status: string }> }[];
      applications: { id: string; kind: string; node: string }[];
      history: { event: string }[];
    }>(login, 'GET', `/api/tickets/${ticket}`);
  }
}
