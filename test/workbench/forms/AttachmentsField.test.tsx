import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchemaForm } from '../../../designer/workbench/src/forms/SchemaForm';

const schema = { type: 'object', properties: { attachments: { type: 'array', title: '图片/视频', items: { type: 'string' } } } };
const uiSchema = { attachments: { 'ui:field': 'attachments', 'ui:options': { accept: '.png,.pdf', maxSize: 1024 } } };

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('ACC-1 attachments field (ui:field attachments)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uploads the raw file to POST /api/attachments and keeps the id; a refusal shows the server\u2019s message; a file over the limit is not sent', async () => {
    const calls: { url: string; type: string | null; size: number }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body as File;
      calls.push({ url, type: new Headers(init.headers).get('content-type'), size: body.size });
      return url.includes('fake.pdf')
        ? json(400, { code: 'TG_ERR_ATTACHMENT_CONTENT', message: 'The content of "fake.pdf" does not match its file type', messageZh: '附件“fake.pdf”的内容与文件类型不符' })
        : json(201, { id: 'att-1', name: 'scene.png', mime: 'image/png', size: 3, sha256: 'x', uploadedAt: 1 });
    }));
    const changes: Record<string, unknown>[] = [];
    const { container } = render(<SchemaForm schema={schema} uiSchema={uiSchema} formData={{}} onChange={(d) => changes.push(d)} hideSubmit />);
    expect(screen.getByText('图片/视频')).toBeTruthy();
    // the upload renders a fresh input after each file
    const input = () => container.querySelector('input[type=file]') as HTMLInputElement;

    fireEvent.change(input(), { target: { files: [new File(['png'], 'scene.png', { type: 'image/png' })] } });
    await waitFor(() => expect(changes.at(-1)).toEqual({ attachments: ['att-1'] }));
    expect(calls[0]).toEqual({ url: '/api/attachments?name=scene.png', type: 'application/octet-stream', size: 3 });

    fireEvent.change(input(), { target: { files: [new File(['MZ'], 'fake.pdf')] } });
    await waitFor(() => expect(calls).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('attachment-error').textContent).toContain('附件“fake.pdf”的内容与文件类型不符'));

    fireEvent.change(input(), { target: { files: [new File([new Uint8Array(2048)], 'big.pdf')] } });
    await waitFor(() => expect(screen.getAllByTestId('attachment-error')).toHaveLength(2));
    expect(screen.getAllByTestId('attachment-error')[1]!.textContent).toContain('big.pdf');
    expect(calls.map((c) => c.url)).toEqual(['/api/attachments?name=scene.png', '/api/attachments?name=fake.pdf']);
  });
});
