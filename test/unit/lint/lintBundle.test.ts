import { beforeAll, describe, expect, it } from 'vitest';
import { ItemSchema, ViewSchema } from '../../../definitions/schemas/index.js';
import type { Bundle } from '../../../engine/definitions/bundleTypes.js';
import { lintBundle, referencesOf } from '../../../engine/lint/index.js';
import { add, builtInBundle, copyOf, flowOf, item, where, whereOf } from './lintSupport.js';

let linkage: Bundle;
beforeAll(async () => { linkage = await builtInBundle('linkage'); });

const lint = (b: ReturnType<typeof copyOf>) => lintBundle(b as unknown as Bundle);

describe('lintBundle', () => {
  it('is pure: the same bundle gives the same findings and is left untouched', () => {
    const before = structuredClone(linkage);
    expect(lintBundle(linkage)).toEqual(lintBundle(linkage));
    expect(linkage).toEqual(before);
  });

  it('never throws: a bundle it cannot read becomes a LINT_CHECK_FAILED finding', () => {
    const findings = lintBundle({} as Bundle);
    expect(findings.map((f) => f.code)).toEqual(['LINT_CHECK_FAILED']);
  });

  it('surfaces organisation findings (ORG_*) at the department or grid file and pointer', () => {
    const b = copyOf(linkage);
    const grid = Object.keys(b.defs.grid)[0]!;
    b.defs.grid[grid]!.community = 'ys';
    const found = lint(b).filter((f) => f.code === 'ORG_GRID_NOT_IN_COMMUNITY');
    expect(found.map(whereOf)).toEqual([where(b, 'grid', grid, 'community')]);
    expect(found[0]?.file).toBe('demo-org/grids.json');
  });

  it('reports an unknown dispatch department once, with the dispatch code rather than the generic one', () => {
    const b = copyOf(linkage);
    const it = item(b, 'item.bllj');
    it.dispatch[0]!.region = 'nowhere';
    const codes = lint(b).filter((f) => whereOf(f) === where(b, 'item', it.id, 'dispatch', 0, 'region')).map((f) => f.code);
    expect(codes).toEqual(['LINT_DISPATCH_UNKNOWN_DEPARTMENT']);
  });

  it('does not warn about disabled references from a disabled definition', () => {
    const b = copyOf(linkage);
    b.defs.timeLimit['tl.overall.1nd']!.enabled = false;
    const warned = () => lint(b).filter((f) => f.code === 'LINT_DISABLED_REFERENCE').map(whereOf);
    expect(warned()).toContain(where(b, 'item', 'item.bllj', 'domains', 0, 'overallLimit'));
    item(b, 'item.bllj').enabled = false;
    expect(warned()).not.toContain(where(b, 'item', 'item.bllj', 'domains', 0, 'overallLimit'));
  });

  it('LINT_NO_PATH_TO_CLOSING: a ticket flow without any final node', () => {
    const b = copyOf(linkage);
    const flow = flowOf(b, 'flow.linkage');
    for (const n of flow.nodes) delete n.final;
    expect(lint(b).filter((f) => f.code === 'LINT_NO_PATH_TO_CLOSING').map(whereOf)).toEqual([where(b, 'flow', 'flow.linkage', 'nodes')]);
  });

  it('LINT_VIEW_UNKNOWN_STATUS: a where clause on node names an unknown node', () => {
    const b = copyOf(linkage);
    add(b, 'view', {
      id: 'view.where', module: 'dispatch', name: '测试', order: 998, entity: 'task', roles: ['handler'], filters: [],
      tabs: [{ key: 'open', name: '处置中', query: { scope: 'department', where: [{ field: 'node', op: 'in', value: ['pending', 'closing'] }] }, rowButtons: [] }],
      columns: [{ field: 'number', title: '编号' }],
    }, 'views.json');
    expect(lint(b).filter((f) => f.code === 'LINT_VIEW_UNKNOWN_STATUS').map(whereOf))
      .toEqual([where(b, 'view', 'view.where', 'tabs', 0, 'query', 'where', 0, 'value', 1)]);
  });

  it('applications enter at their first review step, so parentReview is reachable', () => {
    const findings = lintBundle(linkage).filter((f) => f.code === 'LINT_UNREACHABLE_NODE');
    expect(findings).toEqual([]);
  });
});

describe('referencesOf (x-ref walk over a definition and its schema)', () => {
  it('finds references nested in arrays and objects, with their paths', () => {
    const refs = referencesOf(ItemSchema, linkage.defs.item['item.bllj']);
    const paths = refs.map((r) => `${r.kind}:${r.path.join('/')}`);
    expect(paths).toEqual(expect.arrayContaining([
      'catalogueDirectory:directory', 'form:form', 'domain:domains/0/domain', 'timeLimit:domains/0/overallLimit',
      'department:dispatch/0/region', 'department:dispatch/1/assignment/main', 'department:dispatch/1/assignment/assists/0',
      'department:dispatch/1/subDispatch/0/department', 'department:dispatch/1/subDispatch/0/main',
    ]));
  });

  it('finds view buttons, roles and vocabularies', () => {
    const view = {
      id: 'v', module: 'acceptance', name: 'v', order: 1, entity: 'ticket', roles: ['acceptor'], filters: [{ field: 'channel', title: 'c', widget: 'select', vocabulary: 'channel' }],
      tabs: [{ key: 't', name: 't', query: { scope: 'center' }, rowButtons: ['list.view'], batchButtons: ['ticket.urge'] }],
      columns: [{ field: 'n', title: 'n' }], toolbarButtons: ['list.export'],
    };
    expect(referencesOf(ViewSchema, view).map((r) => `${r.kind}:${r.id}`).sort()).toEqual([
      'buttonType:list.export', 'buttonType:list.view', 'buttonType:ticket.urge', 'role:acceptor', 'vocabulary:channel',
    ]);
  });
});
