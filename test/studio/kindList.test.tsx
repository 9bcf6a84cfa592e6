import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { definitionKinds } from '../../definitions/schemas/index';
import { DefinitionForm } from '../../designer/studio/src/editor/DefinitionForm';
import { errorSchemaOf } from '../../designer/studio/src/editor/errorSchema';
import { forgetDrafts } from '../../designer/studio/src/editor/refOptions';
import { KindListPage } from '../../designer/studio/src/kinds/KindListPage';
import { KindsProvider } from '../../designer/studio/src/kinds/KindsContext';
import type { KindInfo } from '../../designer/studio/src/definitionsApi';

const kinds: KindInfo[] = definitionKinds.map((k) => ({ kind: k.kind, title: String((k.schema as { title?: string }).title), files: [...k.files], identified: k.identified, schema: JSON.parse(JSON.stringify(k.schema)) }));
const draft = (id: string, enabled: boolean) => ({
  kind: 'item', id, package: 'linkage', file: 'items.json', updatedAt: 0, updatedBy: 'system',
  definition: { id, directory: 'dir.a', code: '2000000001', name: `事项${id}`, enabled, domains: [], dispatch: [] },
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('studio kind list and definition form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    forgetDrafts();
  });

  it('lets an enabled item only be disabled (no delete), a disabled one be deleted, and disables through PUT', async () => {
    const puts: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/definitions/kinds') return json({ kinds });
      if (init?.method === 'PUT') { puts.push({ url, body: JSON.parse(String(init.body)) }); return json(draft('item.on', false)); }
      return json({ kind: 'item', total: 2, items: [draft('item.on', true), draft('item.off', false)] });
    }));
    render(
      <AntApp>
        <MemoryRouter initialEntries={['/kinds/item']}>
          <KindsProvider><Routes><Route path="/kinds/:kind" element={<KindListPage />} /></Routes></KindsProvider>
        </MemoryRouter>
      </AntApp>,
    );
    await waitFor(() => expect(screen.getByText('事项item.on')).toBeTruthy(), { timeout: 5000 });
    expect((screen.getByTestId('delete-item.on') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('delete-item.off') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('toggle-item.on'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.url).toBe('/api/definitions/item/item.on');
    expect(puts[0]!.body).toMatchObject({ id: 'item.on', enabled: false, name: '事项item.on' });
  });

  it('renders a kind\u2019s form with pickers of the referenced drafts and the findings next to their fields', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url.startsWith('/api/definitions/flow')) return json({ kind: 'flow', total: 1, items: [{ kind: 'flow', id: 'flow.linkage', definition: { id: 'flow.linkage', name: '通用流程' } }] });
      return json({ total: 0, items: [] });
    }));
    const domain = kinds.find((k) => k.kind === 'domain')!;
    const { container } = render(
      <DefinitionForm kind={domain} data={{ id: 'd', name: '市政设施', flow: 'flow.linkage', form: 'form.x', enabled: true }} onChange={() => undefined}
        extraErrors={errorSchemaOf([{ pointer: '/form', message: 'LINT_UNKNOWN_REFERENCE: form form.x does not exist' }])} />,
    );
    await waitFor(() => expect(screen.getByText('通用流程 (flow.linkage)')).toBeTruthy(), { timeout: 5000 });
    const formField = container.querySelector('#root_form')!.closest('.ant-form-item') as HTMLElement;
    expect(within(formField).getByText(/LINT_UNKNOWN_REFERENCE/)).toBeTruthy();
    expect(screen.getByText('form.x（不存在）')).toBeTruthy();
  });
});
