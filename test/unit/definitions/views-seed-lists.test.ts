import { describe, expect, it } from 'vitest';
import type { ViewTab } from '../../../definitions/schemas/index.js';
import { useHotlineBundle, viewOf } from './support/viewSupport.js';

/**
 * The seed's particular list views (ACC, DSP, HND, REV, CLS): their tabs' queries, row buttons and
 * batch buttons as the seed describes them.
 */

useHotlineBundle();

describe('list views: the seed\u2019s particular lists', () => {
  const tabOf = (view: string, key: string): ViewTab => {
    const t = viewOf(view).tabs.find((x) => x.key === key);
    if (!t) throw new Error(`no tab ${view}/${key}`);
    return t;
  };

  it('ACC-7 and REV-7: urge and change grid worker, one or batch; only mine on verification', () => {
    expect(viewOf('view.acc.verification')).toMatchObject({ onlyMine: true, flow: 'flow.linkage' });
    expect(tabOf('view.acc.verification', 'pending')).toMatchObject({ query: { nodes: ['verification'] }, batchButtons: ['ticket.urgeGrid', 'ver.changeGridWorker'] });
    expect(tabOf('view.rev.check', 'pending')).toMatchObject({ query: { nodes: ['check'] }, batchButtons: ['ticket.urgeGrid', 'chk.changeGridWorker'] });
    expect(tabOf('view.acc.verification', 'verified').query.where).toEqual([{ field: 'outcome.verification', op: 'exists' }]);
  });

  it('ACC-9 restore from voided, DSP-3 add-dispatch on dispatched, DSP-5 returned, DSP-6 difficult', () => {
    expect(tabOf('view.acc.voided', 'voided')).toMatchObject({ query: { nodes: ['voided'] }, rowButtons: ['list.view', 'acc.restore'] });
    expect(tabOf('view.dsp.dispatch', 'dispatched')).toMatchObject({ query: { scope: 'actedBy' } });
    expect(tabOf('view.dsp.dispatch', 'dispatched').rowButtons).toContain('dsp.addDispatch');
    expect(tabOf('view.dsp.returned', 'returned').query).toMatchObject({ nodes: ['dispatch'], where: [{ field: 'returned', op: 'eq', value: true }] });
    expect(tabOf('view.dsp.difficult', 'pending').query).toMatchObject({ nodes: ['dispatch', 'dispatchReview'], where: [{ field: 'difficult', op: 'eq', value: true }] });
    expect(viewOf('view.dsp.query').onlyMine).toBe(true);
  });

  it('HND-2 pending / in progress / handled tasks; HND-7 CC\u2019d tickets', () => {
    expect(viewOf('view.hnd.tasks').tabs.map((t) => [t.name, t.query.scope, t.query.nodes])).toEqual([
      ['待处置', 'department', ['pending', 'gridHandling', 'suspended']],
      ['处置中', 'department', ['completed']],
      ['已处置', 'department', ['approved', 'returned']],
    ]);
    expect(viewOf('view.hnd.cc').tabs.map((t) => t.query.scope)).toEqual(['cc']);
  });

  it('HND-4 my applications: per kind, pending and done; an approved suspension can be cancelled', () => {
    const v = viewOf('view.hnd.applications');
    expect(v.tabs.every((t) => t.query.scope === 'applicant' && t.query.applicationKinds?.length === 1)).toBe(true);
    for (const kind of ['assist', 'extension', 'suspension', 'transfer', 'return'] as const) {
      expect(tabOf(v.id, `${kind}Pending`).query).toMatchObject({ nodes: ['parentReview', 'centerReview', 'upperReview'], applicationKinds: [kind] });
      expect(tabOf(v.id, `${kind}Done`).query).toMatchObject({ nodes: ['approved', 'rejected'], applicationKinds: [kind] });
    }
    expect(tabOf(v.id, 'suspensionDone').rowButtons).toContain('app.cancelSuspension');
    expect(tabOf(v.id, 'suspensionCancelled').query.nodes).toEqual(['cancelled']);
  });

  it('HND-5 and REV-1..6: reviews list the reviewer step of their kind; results approve in batch', () => {
    for (const t of viewOf('view.hnd.reviews').tabs.filter((x) => x.query.scope === 'reviewer')) {
      expect(t.query.nodes, t.key).toEqual(['parentReview']);
      expect(t.rowButtons, t.key).toEqual(['list.view', 'app.approve', 'app.reject']);
    }
    const reviews: [string, string, string[], string | string[]][] = [
      ['view.rev.result', 'result', ['centerReview'], 'reviewer'],
      ['view.rev.assist', 'assist', ['centerReview'], ['reviewer', 'shiftLeader']],
      ['view.rev.extension', 'extension', ['centerReview', 'upperReview'], 'shiftLeader'],
      ['view.rev.suspension', 'suspension', ['centerReview', 'upperReview'], 'shiftLeader'],
      ['view.rev.return', 'return', ['centerReview'], 'shiftLeader'],
      ['view.rev.transfer', 'transfer', ['centerReview', 'upperReview'], 'shiftLeader'],
    ];
    for (const [id, kind, nodes, role] of reviews) {
      expect(viewOf(id).roles, id).toEqual(Array.isArray(role) ? role : [role]);
      expect(tabOf(id, 'pending').query, id).toMatchObject({ scope: 'reviewer', nodes, applicationKinds: [kind] });
      expect(tabOf(id, 'reviewed').query, id).toMatchObject({ scope: 'actedBy', applicationKinds: [kind] });
    }
    expect(tabOf('view.rev.result', 'pending').batchButtons).toEqual(['app.approve']);
    // REV-2 the reviewer's four moves beside pass/fail; 送值班长 lands in the shift leader's tab
    expect(tabOf('view.rev.assist', 'pending').rowButtons).toEqual(
      ['list.view', 'app.approve', 'app.reject', 'app.toShiftLeader', 'rev.reassign', 'rev.closeWithoutCheck', 'rev.toCheck'],
    );
    expect(tabOf('view.rev.assist', 'shiftLeader').query).toMatchObject({ scope: 'reviewer', nodes: ['shiftLeaderReview'], applicationKinds: ['assist'] });
  });

  it('CLS-1..3: callback, evaluation of handled tickets, closing', () => {
    expect(tabOf('view.cls.callback', 'pending').query.nodes).toEqual(['callback']);
    expect(tabOf('view.cls.evaluation', 'pending').query.where).toContainEqual({ field: 'outcome.evaluation', op: 'notExists' });
    expect(tabOf('view.cls.evaluation', 'done').query.where).toContainEqual({ field: 'outcome.evaluation', op: 'exists' });
    expect(tabOf('view.cls.evaluation', 'pending').rowButtons).toContain('eval.submit');
    expect(viewOf('view.cls.closing').tabs.map((t) => t.query.nodes)).toEqual([['closing'], ['closed']]);
  });
});
