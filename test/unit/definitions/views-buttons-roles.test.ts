import { describe, expect, it } from 'vitest';
import { bindingRole, bundle, button, flowsFor, offersAt, unique, useHotlineBundle, viewOf, views } from './support/viewSupport.js';

/**
 * The workbench's list views (DESIGN principle 5): their buttons fit the listed entity and the
 * flows, their roles exist and are held, exports and pools (ACC-10, DSP-1) are consistent.
 */

useHotlineBundle();

describe('list views: buttons and roles', () => {
  it('every button exists, is enabled and fits the listed entity; batch buttons are batchable', () => {
    const bad: string[] = [];
    for (const v of views()) {
      for (const t of v.tabs) {
        for (const id of [...t.rowButtons, ...(t.batchButtons ?? [])]) {
          const b = button(id);
          if (!b || !b.enabled) bad.push(`${v.id}/${t.key}: ${id} unknown or disabled`);
          // a ticket-scope button on a task or application row acts on the row's ticket (REV-2 重派 on 协办审核)
          else if (b.scope !== 'list' && b.scope !== v.entity && b.scope !== 'ticket') bad.push(`${v.id}/${t.key}: ${id} acts on a ${b.scope}`);
        }
        for (const id of t.batchButtons ?? []) if (!button(id)?.batch) bad.push(`${v.id}/${t.key}: ${id} is not batchable`);
      }
      for (const id of v.toolbarButtons ?? []) {
        const b = button(id);
        if (!b || !(b.scope === 'list' || b.method === 'register')) bad.push(`${v.id} toolbar: ${id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a row button on a tab with nodes is offered by the flow at one of them, to a role the view serves', () => {
    const bad: string[] = [];
    for (const v of views()) {
      for (const t of v.tabs) {
        for (const id of unique([...t.rowButtons, ...(t.batchButtons ?? [])])) {
          const b = button(id)!;
          if (b.roles && !b.roles.some((r) => v.roles.includes(r))) bad.push(`${v.id}/${t.key}: ${id} needs ${b.roles.join('|')}`);
          if (b.scope === 'list' || !t.query.nodes) continue;
          if (b.scope === 'ticket' && v.entity !== 'ticket') {
            const ticketFlows = flowsFor({ ...v, entity: 'ticket', flow: undefined });
            if (!ticketFlows.some((f) => f.nodes.some((n) => offersAt(f, n.id, id)))) bad.push(`${v.id}/${t.key}: no ticket flow offers ${id}`);
            if (!b.roles?.some((r) => v.roles.includes(r))) bad.push(`${v.id}/${t.key}: ${id} names no role the view serves`);
            continue;
          }
          const at = flowsFor(v).flatMap((f) => (t.query.nodes ?? []).filter((n) => offersAt(f, n, id)).map((n) => [f.id, n] as const));
          if (at.length === 0) bad.push(`${v.id}/${t.key}: no flow offers ${id} at ${t.query.nodes.join(',')}`);
          if (b.roles) continue;
          const kinds = t.query.applicationKinds?.length === 1 ? t.query.applicationKinds[0] : undefined;
          for (const [flow, node] of at) {
            const role = bindingRole(flow, node, kinds);
            if (!role || !v.roles.includes(role)) bad.push(`${v.id}/${t.key}: ${id} at ${node} is for ${role ?? 'nobody'}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('every role a view, binding or button names exists and some enabled demo user holds it', () => {
    const held = new Set(Object.values(bundle.defs.user).filter((u) => u.enabled).flatMap((u) => u.roles));
    const used = unique([
      ...views().flatMap((v) => v.roles),
      ...Object.values(bundle.defs.statusBinding).flatMap((b) => (b.role ? [b.role] : [])),
      ...Object.values(bundle.defs.buttonType).flatMap((b) => b.roles ?? []),
    ]);
    expect(used.filter((r) => !bundle.defs.role[r] || !held.has(r))).toEqual([]);
    expect(unique(views().flatMap((v) => v.roles)).sort()).toEqual(
      ['acceptor', 'dispatcher', 'gridWorker', 'handler', 'reviewer', 'shiftLeader'],
    );
  });

  it('X-4 a list is exported exactly when it has the export button, and only by roles that may export', () => {
    const exporters = button('list.export')?.roles ?? [];
    for (const v of views()) {
      const exportable = v.exportable ?? true;
      expect(v.toolbarButtons?.includes('list.export') ?? false, v.id).toBe(exportable);
      if (exportable) expect(v.roles.some((r) => exporters.includes(r)), v.id).toBe(true);
    }
  });

  it('pools: ACC-10 and DSP-1 list their pool; ACC-5 registers and extracts', () => {
    expect(viewOf('view.acc.pool')).toMatchObject({ pool: 'acceptance', exportable: true });
    expect(viewOf('view.dsp.pool')).toMatchObject({ pool: 'dispatch', exportable: true });
    for (const v of views()) {
      const pooled = v.tabs.filter((t) => t.query.scope === 'pool');
      expect(pooled.length > 0, v.id).toBe(v.pool !== undefined);
    }
    expect(viewOf('view.acc.pool').tabs[0]?.query.nodes).toEqual(['acceptance']);
    expect(viewOf('view.dsp.pool').tabs[0]?.query.nodes).toEqual(['dispatch']);
    expect(viewOf('view.acc.acceptance').toolbarButtons).toEqual(expect.arrayContaining(['list.register', 'list.extract']));
  });
});
