import { describe, expect, it } from 'vitest';
import { registrationButtons } from '../../../designer/workbench/src/register/registrationButtons';
import bindings from '../../../definitions/packages/linkage/status-bindings.json';
import { button, flowNames, linkage } from './linkageDefs';

const binding = (flow: string, node: string) => bindings.find((b) => b.flow === flow && b.node === node);

describe('ACC-1 handling methods come from the flow\u2019s first node', () => {
  const domain = linkage.domains[0]!;

  it('an acceptor gets 直接答复/送分拨/送核实/送审核/废单 as methods and 暂存 as the draft button; not 催办, which leaves the ticket where it is', () => {
    const r = registrationButtons(domain, [flowNames], button, ['acceptor'], binding);
    expect(r.methods.map((b) => b.id)).toEqual(['acc.directReply', 'acc.toDispatch', 'acc.toVerification', 'acc.toReview', 'acc.void']);
    expect(r.draft?.id).toBe('acc.saveDraft');
  });

  it('buttons of other roles stay away; a domain without a known flow offers nothing', () => {
    const grid = registrationButtons(domain, [flowNames], button, ['gridWorker'], binding);
    expect(grid.methods.map((b) => b.id)).toEqual(['grid.report']);
    expect(grid.draft).toBeUndefined();
    // without the node's binding only the buttons' own roles count
    expect(registrationButtons(domain, [flowNames], button, ['gridWorker']).methods.map((b) => b.id)).toContain('acc.toDispatch');
    expect(registrationButtons({ flow: 'flow.none' }, [flowNames], button, ['acceptor'])).toEqual({ methods: [] });
  });

  it('a disabled button type is not offered', () => {
    const off = (id: string) => (id === 'acc.toReview' ? { ...button(id)!, enabled: false } : button(id));
    expect(registrationButtons(domain, [flowNames], off, ['acceptor'], binding).methods.map((b) => b.id)).not.toContain('acc.toReview');
  });
});
