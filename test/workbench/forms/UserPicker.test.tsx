import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchemaForm } from '../../../designer/workbench/src/forms/SchemaForm';

describe('forms: the user picker (format user, e.g. 送核实\u2019s grid worker)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the grid workers GET /api/org/users pages back ({ items }) and picks one', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ total: 1, page: 1, pageSize: 50, items: [{ id: 'ys.dq.grid', login: 'ys.dq.grid', name: '周敏', department: 'ys.dq', departmentName: '东桥社区', roles: ['gridWorker'] }] }),
        { status: 200, headers: { 'content-type': 'application/json' } });
    }));
    const changes: Record<string, unknown>[] = [];
    const schema = { type: 'object', properties: { gridWorker: { type: 'string', title: '核实网格员', format: 'user' } } };
    const { container } = render(<SchemaForm schema={schema} formData={{}} onChange={(d) => changes.push(d)} hideSubmit />);
    await waitFor(() => expect(urls[0]).toMatch(/^\/api\/org\/users\?role=gridWorker&pageSize=50&enabled=true$/));
    fireEvent.mouseDown(container.querySelector('.ant-select-selector, .ant-select') as Element);
    const option = await screen.findByText('周敏（东桥社区）');
    fireEvent.click(option);
    await waitFor(() => expect(changes.at(-1)).toEqual({ gridWorker: 'ys.dq.grid' }));
  });
});
