import { describe, expect, it } from 'vitest';
import type { Flow, StatusBinding } from '../../../definitions/schemas/index.js';
import { availableActions } from '../../../engine/index.js';
import { Scenario } from '../../support/scenario.js';
import { bundle, button, cb, flowOf, useHotlineBundle } from './support/viewSupport.js';

/**
 * The 12345 hotline's flow variant (DEF-1, DEF-9): its nodes, transitions and status bindings
 * against the linkage flow, and the variant played through scenarios.
 */

useHotlineBundle();

describe('DEF-1/DEF-9 the 12345 hotline flow variant', () => {
  const transitionsOf = (flow: Flow, pick: (t: Flow['transitions'][number]) => boolean) => flow.transitions.filter(pick);
  const nodeIds = (flow: Flow) => flow.nodes.map((n) => n.id);

  it('runs on the linkage task and application flows, with the node ids the engine relies on', () => {
    const hotline = flowOf('flow.hotline');
    expect(bundle.defs.domain['hotline-12345']?.flow).toBe('flow.hotline');
    expect(hotline).toMatchObject({ scope: 'ticket', initial: 'registration', taskFlow: 'flow.linkage.task', applicationFlow: 'flow.linkage.application' });
    expect(nodeIds(hotline)).toEqual(expect.arrayContaining(['registration', 'acceptance', 'dispatch', 'handling', 'callback', 'closing', 'closed']));
    for (const t of hotline.transitions) {
      expect(t.from.filter((n) => n !== '*' && !nodeIds(hotline).includes(n)), JSON.stringify(t)).toEqual([]);
      if (t.to) expect(nodeIds(hotline), JSON.stringify(t)).toContain(t.to);
      if (t.button) expect(button(t.button)?.scope, t.button).toBe('ticket');
    }
  });

  it('has no grid verification, and adds 答复审核 (replyReview)', () => {
    const general = flowOf('flow.linkage');
    const hotline = flowOf('flow.hotline');
    expect(nodeIds(general)).toEqual(expect.arrayContaining(['verification', 'gridReturned']));
    expect(nodeIds(hotline)).not.toEqual(expect.arrayContaining(['verification']));
    expect(nodeIds(hotline)).not.toContain('gridReturned');
    expect(hotline.nodes.find((n) => n.id === 'replyReview')?.name).toBe('答复审核');
    const gridButtons = ['grid.report', 'acc.toVerification', 'ver.submit', 'ver.changeGridWorker', 'grid.resubmit'];
    expect(transitionsOf(hotline, (t) => gridButtons.includes(t.button ?? ''))).toEqual([]);
    expect(nodeIds(general)).not.toContain('replyReview');
  });

  it('never closes straight after handling, an upper review or a reply: callback is always required', () => {
    const general = flowOf('flow.linkage');
    const hotline = flowOf('flow.hotline');
    const settledTo = (f: Flow) => transitionsOf(f, (t) => t.event === '$tasks.settled').map((t) => t.to);
    expect(settledTo(general)).toContain('closing');
    expect(settledTo(hotline)).not.toContain('closing');
    expect(settledTo(hotline)).toEqual(expect.arrayContaining(['dispatch', 'upperReview', 'callback']));
    const intoClose = (f: Flow) => transitionsOf(f, (t) => (t.to === 'closing' || t.to === 'closed') && t.button !== 'cb.submit' && t.button !== 'cls.close');
    expect(intoClose(general).length).toBeGreaterThan(0);
    expect(intoClose(hotline)).toEqual([]);
  });

  it('a direct reply by an acceptor or dispatcher goes to the shift leader, who approves or returns it', () => {
    const hotline = flowOf('flow.hotline');
    const reply = (b: string, from: string) => transitionsOf(hotline, (t) => t.button === b && t.from.includes(from)).map((t) => t.to);
    expect(reply('acc.directReply', 'acceptance')).toEqual(['replyReview']);
    expect(reply('dsp.directReply', 'dispatch')).toEqual(['replyReview']);
    expect(reply('acc.directReply', 'acceptanceReview')).toEqual(['callback']);
    expect(reply('hotline.replyApprove', 'replyReview')).toEqual(['callback']);
    expect(reply('hotline.replyReturn', 'replyReview')).toEqual(['acceptance']);
    for (const id of ['hotline.replyApprove', 'hotline.replyReturn']) {
      expect(bundle.locations.buttonType[id]?.package, id).toBe('hotline-12345');
      expect(bundle.defs.buttonGroup[button(id)?.group ?? '']).toBeDefined();
    }
  });

  it('every hotline node has one status binding; shared nodes keep the linkage status and colours', () => {
    const bindings = Object.values(bundle.defs.statusBinding) as StatusBinding[];
    const hotline = bindings.filter((b) => b.flow === 'flow.hotline');
    expect(hotline.map((b) => b.node).sort()).toEqual(nodeIds(flowOf('flow.hotline')).sort());
    for (const b of hotline) {
      expect(b.id).toBe(`sb.hotline.${b.node}`);
      const linkage = bindings.find((x) => x.flow === 'flow.linkage' && x.node === b.node);
      if (!linkage) continue;
      const { statusText, statusValue, textColor, backgroundColor, handlerType, role } = linkage;
      expect(b, b.node).toMatchObject({ statusText, statusValue, textColor, backgroundColor, handlerType, ...(role ? { role } : {}) });
    }
    expect(hotline.find((b) => b.node === 'replyReview')).toMatchObject({ statusText: '答复审核', handlerType: 'role', role: 'shiftLeader' });
  });
});

describe('DEF-1/DEF-9 the hotline variant in play', () => {
  const hotline = { domain: 'hotline-12345', channel: 'hotline12345', item: 'item.bllj', callbackWanted: false };

  it('a 12345 direct reply waits for 答复审核, then goes to callback; a linkage reply without callback closes', async () => {
    const s = new Scenario(cb);
    const h = await s.register('ys.acceptor', 'acc.directReply', hotline, '已电话答复');
    expect(s.node(h.ticket.id)).toBe('replyReview');
    expect(cb.bindingOf(h.ticket.flow, 'replyReview')?.statusText).toBe('答复审核');
    await s.refused('ys.acceptor', 'hotline.replyApprove', { ticket: h.ticket.id }, 'ENG_FORBIDDEN_ROLE');
    await s.act('ys.shiftleader', 'hotline.replyApprove', { ticket: h.ticket.id }, '答复妥当');
    expect(s.node(h.ticket.id)).toBe('callback');
    const l = await s.register('ys.acceptor', 'acc.directReply', { item: 'item.bllj', callbackWanted: false }, '已电话答复');
    expect(s.node(l.ticket.id)).toBe('closed');
  });

  it('a returned reply goes back to the acceptors; the hotline offers no verification', async () => {
    const s = new Scenario(cb);
    const h = await s.register('ys.acceptor', 'acc.directReply', hotline, '已电话答复');
    await s.act('ys.shiftleader', 'hotline.replyReturn', { ticket: h.ticket.id }, '答复不完整');
    expect(s.node(h.ticket.id)).toBe('acceptance');
    const offered = await availableActions(cb, s.world(h.ticket.id), { kind: 'ticket', id: h.ticket.id }, s.actor('ys.acceptor'));
    expect(offered.map((a) => a.button)).toEqual(expect.arrayContaining(['acc.toDispatch', 'acc.directReply']));
    expect(offered.map((a) => a.button)).not.toContain('acc.toVerification');
  });

  it('a handled 12345 ticket is called back even when no callback was asked; a linkage one goes to closing', async () => {
    const s = new Scenario(cb);
    const finish = async (id: string) => {
      await s.act('ys.cgzd.handler', 'task.complete', { task: s.task(id, 'ys.cgzd').id }, '已清运');
      await s.act('ys.reviewer', 'app.approve', { application: s.application(id, 'result').id });
      return s.node(id);
    };
    const h = await s.register('ys.acceptor', 'acc.toDispatch', hotline);
    expect(s.node(h.ticket.id)).toBe('handling');
    expect(await finish(h.ticket.id)).toBe('callback');
    const l = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.bllj', callbackWanted: false });
    expect(await finish(l.ticket.id)).toBe('closing');
  });
});
