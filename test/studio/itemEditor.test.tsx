import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { definitionKinds } from '../../definitions/schemas/index';
import { i18next } from '../../designer/shared/i18n';
import type { KindInfo } from '../../designer/studio/src/definitionsApi';
import { DefinitionForm } from '../../designer/studio/src/editor/DefinitionForm';
import { forgetDrafts } from '../../designer/studio/src/editor/refOptions';

const kindInfo = (kind: string): KindInfo => {
  const k = definitionKinds.find((x) => x.kind === kind)!;
  return { kind: k.kind, title: String((k.schema as { title?: string }).title), files: [...k.files], identified: k.identified, schema: JSON.parse(JSON.stringify(k.schema)) };
};
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const flow = (id: string, name: string, scope: string) => ({ kind: 'flow', id, package: 'linkage', file: 'flows.json', updatedAt: 0, updatedBy: 'system', definition: { id, name, scope } });
const item = { id: 'item.a', directory: 'dir.a', code: '2000000001', name: '道路不洁', enabled: false, domains: [], dispatch: [], flow: 'flow.task.special' };

describe('item editor: the personalised department (task) flow', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    forgetDrafts();
    await act(async () => { await i18next.changeLanguage('zh-CN'); });
  });

  it('offers only task-scope flows and links to the chosen one', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url.startsWith('/api/definitions/flow')) {
        return json({ total: 4, items: [flow('flow.linkage', '通用流程', 'ticket'), flow('flow.linkage.task', '部门处置流程', 'task'), flow('flow.task.special', '专用处置流程', 'task'), flow('flow.linkage.application', '申请审核流程', 'application')] });
      }
      return json({ total: 0, items: [] });
    }));
    render(<MemoryRouter><DefinitionForm kind={kindInfo('item')} data={item} onChange={() => undefined} extraErrors={{}} /></MemoryRouter>);
    await waitFor(() => expect(screen.getByText('专用处置流程 (flow.task.special)')).toBeTruthy(), { timeout: 5000 });
    expect(screen.getByText('个性化流程')).toBeTruthy();
    const link = screen.getByTestId('open-link-root_flow');
    expect(link.getAttribute('href')).toBe('/kinds/flow/edit?id=flow.task.special');
    // the picker lists the task flows only
    fireEvent.mouseDown(screen.getByTestId('ref-root_flow').querySelector('.ant-select-selector') ?? screen.getByTestId('ref-root_flow'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBeGreaterThan(0));
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title') ?? o.textContent);
    expect(offered).toEqual(['部门处置流程 (flow.linkage.task)', '专用处置流程 (flow.task.special)']);
  });

  it('shows English titles on an English screen', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ total: 0, items: [] })));
    await act(async () => { await i18next.changeLanguage('en-US'); });
    render(<MemoryRouter><DefinitionForm kind={kindInfo('item')} data={item} onChange={() => undefined} extraErrors={{}} /></MemoryRouter>);
    await waitFor(() => expect(screen.getAllByText('Personalised department flow').length).toBeGreaterThan(0), { timeout: 5000 });
    for (const title of ['Catalogue directory', 'Item code', 'Legal basis', 'Personalised form', 'Dispatch configuration']) expect(screen.getAllByText(title).length).toBeGreaterThan(0);
    expect(screen.queryByText('个性化流程')).toBeNull();
    expect(screen.queryByText('清单编码')).toBeNull();
  });
});
