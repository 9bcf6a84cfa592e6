import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { definitionKinds } from '../../definitions/schemas/index';
import { setLang } from '../../designer/shared/i18n';
import type { KindInfo } from '../../designer/studio/src/definitionsApi';
import { DefinitionForm } from '../../designer/studio/src/editor/DefinitionForm';
import { forgetDrafts } from '../../designer/studio/src/editor/refOptions';
import { KindListPage } from '../../designer/studio/src/kinds/KindListPage';
import { KindsProvider } from '../../designer/studio/src/kinds/KindsContext';

const kinds: KindInfo[] = definitionKinds.map((k) => ({ kind: k.kind, title: String((k.schema as { title?: string }).title), files: [...k.files], identified: k.identified, schema: JSON.parse(JSON.stringify(k.schema)) }));
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const item = (id: string, name: string, nameEn?: string) => ({
  kind: 'item', id, package: 'linkage', file: 'items.json', updatedAt: 0, updatedBy: 'system',
  definition: { id, directory: 'dir.srhj.hjws', code: '2000000001', name, ...(nameEn ? { nameEn } : {}), enabled: false, domains: [], dispatch: [] },
});

function list(kind: string) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (url === '/api/definitions/kinds') return json({ kinds });
    return json({ kind, total: 2, items: [item('item.bllj', '暴露垃圾', 'Exposed garbage'), item('item.new', '新事项')] });
  }));
  render(<AntApp><MemoryRouter initialEntries={[`/kinds/${kind}`]}><KindsProvider><Routes><Route path="/kinds/:kind" element={<KindListPage />} /></Routes></KindsProvider></MemoryRouter></AntApp>);
}

describe('X-4 English names in the studio', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    forgetDrafts();
    setLang('zh-CN');
  });

  it('lists items by their English name in en-US, the Chinese one where none is given', async () => {
    setLang('en-US');
    list('item');
    await waitFor(() => expect(screen.getByText('Exposed garbage')).toBeTruthy(), { timeout: 5000 });
    expect(screen.queryByText('暴露垃圾')).toBeNull();
    expect(screen.getByText('新事项')).toBeTruthy();
  });

  it('lists them by their Chinese name in zh-CN', async () => {
    list('item');
    await waitFor(() => expect(screen.getByText('暴露垃圾')).toBeTruthy(), { timeout: 5000 });
    expect(screen.queryByText('Exposed garbage')).toBeNull();
  });

  it.each(['item', 'catalogueDirectory', 'domain'])('the %s form has an English name field delivery staff fill in', async (kind) => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ total: 0, items: [] })));
    const changes: Record<string, unknown>[] = [];
    const info = kinds.find((k) => k.kind === kind)!;
    const { container } = render(<DefinitionForm kind={info} data={{ id: 'x', name: '名称', enabled: false }} onChange={(d) => changes.push(d as Record<string, unknown>)} extraErrors={{}} />);
    const input = await waitFor(() => container.querySelector('#root_nameEn') as HTMLInputElement);
    expect(input.closest('.ant-form-item')!.textContent).toContain('英文名称');
    fireEvent.change(input, { target: { value: 'Street light out' } });
    await waitFor(() => expect(changes.at(-1)).toMatchObject({ name: '名称', nameEn: 'Street light out' }));
  });

  it('titles the field in English on an English screen', async () => {
    setLang('en-US');
    vi.stubGlobal('fetch', vi.fn(async () => json({ total: 0, items: [] })));
    const { container } = render(<DefinitionForm kind={kinds.find((k) => k.kind === 'item')!} data={{ id: 'x', name: '名称', enabled: false }} onChange={() => undefined} extraErrors={{}} />);
    const input = await waitFor(() => container.querySelector('#root_nameEn') as HTMLInputElement);
    expect(input.closest('.ant-form-item')!.textContent).toContain('English name');
  });
});
