import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { ImportColumns, XLSX_CONTENT_TYPE } from '../../../runtime/org/importTemplate.js';
import type { TestApp } from './testApp.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Calls the API as a demo user (logged in with the demo password). */
export async function call(app: TestApp, as: string, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  const headers = { authorization: `Bearer ${await app.login(as)}` };
  return app.server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

/** Logs in without the token cache (for users whose sessions a test ends). */
export function login(app: TestApp, loginName: string, password: string): Promise<LightMyRequestResponse> {
  return app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password } });
}

/** An import sheet built in memory: the template header (or another one) and the given rows. */
export async function sheet(rows: readonly (readonly (string | number)[])[], header: readonly string[] = ImportColumns.map((c) => c.header)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('用户导入');
  ws.addRow([...header]);
  for (const row of rows) ws.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function upload(app: TestApp, as: string, body: Buffer | string, query = '', contentType = XLSX_CONTENT_TYPE): Promise<LightMyRequestResponse> {
  return app.server.inject({
    method: 'POST', url: `/api/org/users/import${query}`, payload: body,
    headers: { authorization: `Bearer ${await app.login(as)}`, 'content-type': contentType },
  });
}

export async function countRows(app: TestApp, table: 'users' | 'departments'): Promise<number> {
  return Number((await app.services.knex(table).count({ n: '*' }).first())?.n ?? 0);
}

export interface TreeNode {
  id: string;
  name: string;
  parent: string | null;
  level: string;
  kind: string;
  enabled: boolean;
  children: TreeNode[];
}

/** Every node of a tree response, depth first. */
export function flatten(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
