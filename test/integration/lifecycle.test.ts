import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/useTestApp.js';
import { Api, HOUR, type Detail } from './support/api.js';

const task = Api.task;
const application = Api.application;
const events = (d: Detail) => d.history.filter((h) => !h.event.startsWith('$')).map((h) => h.event);
const timeline = (d: Detail) => d.history.map((h) => `${h.entity.kind} ${h.event} ${h.fromNode}→${h.toNode}`);

describe.each(['sqlite', 'mariadb'] as const)('the ticket lifecycle over HTTP on %s', (dialect) => {
  const { app, api } = useTestApp(dialect);

  /** ACC-5: 张家港's acceptance pool is on, so its acceptor extracts a ticket before accepting it. */
  async function extractAtZjg(ticket: string) {
    const res = await api.request('zjg.acceptor', 'POST', '/api/pools/acceptance/extract');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { tickets: { id: string }[] }).tickets.map((t) => t.id)).toEqual([ticket]);
  }

  it('ACC-1 → DSP-2 → HND-1 → REV-3 → REV-1 → CLS-1 → CLS-3: main+assist with an approved extension, callback and close', async () => {
    const registered = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg', callbackWanted: true }, '送分拨');
    expect(registered).toMatchObject({ node: 'dispatch', center: 'zjg', number: expect.stringMatching(/^DH20250610\d{5}$/) });
    const id = registered.id;
    let d = await api.detail('zjg.dispatcher', id);
    expect(Api.allows(d, 'dsp.assign')).toBe(true);
    expect(events(d)).toEqual(['acc.toDispatch']);

    await api.act('zjg.dispatcher', id, 'dsp.assign', undefined, '请城管局主办', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'], cc: ['zjg.gaj'] });
    d = await api.detail('zjg.cgj.handler', id);
    expect(d.ticket).toMatchObject({ node: 'handling', dispatch: { handling: 'mainAssist', cc: ['zjg.gaj'], by: 'zjg.dispatcher' } });
    expect(d.tasks.map((t) => `${t.department}:${t.role}:${t.node}`).sort()).toEqual(['zjg.cgj:main:pending', 'zjg.sthj:assist:pending']);
    const cgj = task(d, 'zjg.cgj').id;
    const sthj = task(d, 'zjg.sthj').id;
    expect(Api.allows(d, 'task.complete', { task: cgj })).toBe(true);
    expect(Api.allows(d, 'task.complete', { task: sthj })).toBe(false);

    // HND-1 / REV-3: an extension, approved by the center's shift leader; the task stays workable
    app.now += HOUR;
    await api.act('zjg.cgj.handler', id, 'task.applyExtension', { task: cgj }, '需要外运', { amount: 1, unit: 'workDay' });
    d = await api.detail('zjg.shiftleader', id);
    const ext = application(d, 'extension');
    expect(ext).toMatchObject({ node: 'centerReview', applicant: { department: 'zjg.cgj' } });
    expect(Api.allows(d, 'app.approve', { application: ext.id })).toBe(true);
    await api.act('zjg.shiftleader', id, 'app.approve', { application: ext.id });
    d = await api.detail('zjg.cgj.handler', id);
    expect(application(d, 'extension').node).toBe('approved');
    expect(task(d, 'zjg.cgj')).toMatchObject({ node: 'pending', counts: { extension: 1 } });
    expect(task(d, 'zjg.cgj').clocks['stage:pending']?.extensions).toHaveLength(1);

    // REV-1: the assist's approved result does not move the ticket, the main's does
    await api.act('zjg.sthj.handler', id, 'task.complete', { task: sthj }, '已配合');
    d = await api.detail('zjg.reviewer', id);
    await api.act('zjg.reviewer', id, 'app.approve', { application: application(d, 'result', 'zjg.sthj').id });
    d = await api.detail('zjg.reviewer', id);
    expect([d.ticket.node, task(d, 'zjg.sthj').node]).toEqual(['handling', 'approved']);
    app.now += 2 * HOUR;
    await api.act('zjg.cgj.handler', id, 'task.complete', { task: cgj }, '已拆除');
    d = await api.detail('zjg.reviewer', id);
    const result = application(d, 'result', 'zjg.cgj');
    expect(result).toMatchObject({ node: 'centerReview', payload: { opinion: '已拆除' } });
    await api.act('zjg.reviewer', id, 'app.approve', { application: result.id });

    // CLS-1 callback, CLS-3 close
    d = await api.detail('zjg.acceptor', id);
    expect(d.ticket.node).toBe('callback');
    expect(Api.allows(d, 'cb.submit')).toBe(true);
    await api.act('zjg.acceptor', id, 'cb.submit', undefined, '群众满意', { satisfaction: 'satisfied' });
    d = await api.detail('zjg.shiftleader', id);
    expect(d.ticket).toMatchObject({ node: 'closing', outcome: { callback: { satisfaction: 'satisfied', by: 'zjg.acceptor' } } });
    await api.act('zjg.shiftleader', id, 'cls.close', undefined, '结案');
    d = await api.detail('zjg.shiftleader', id);
    expect(d.ticket.node).toBe('closed');
    expect(d.ticket.clocks.overall?.status).toBe('stopped');
    expect(d.tasks.map((t) => t.node)).toEqual(['approved', 'approved']);
    // 工单流转: every step with its node change, internal follow-ups included
    expect(timeline(d)).toEqual([
      'ticket acc.toDispatch registration→dispatch', 'ticket dsp.assign dispatch→handling',
      'task task.applyExtension pending→pending', 'application app.approve centerReview→approved',
      'task task.complete pending→completed', 'application app.approve centerReview→approved', 'task $application.approved completed→approved',
      'task task.complete pending→completed', 'application app.approve centerReview→approved', 'task $application.approved completed→approved',
      'ticket $tasks.settled handling→callback', 'ticket cb.submit callback→closing', 'ticket cls.close closing→closed',
    ]);
    expect(d.history.at(-1)).toMatchObject({ event: 'cls.close', fromNode: 'closing', toNode: 'closed', actor: { user: 'zjg.shiftleader' }, opinion: '结案' });
    expect(d.history.every((h, i) => i === 0 || h.at >= d.history[i - 1]!.at)).toBe(true);
  });

  it('REV-1 multi-department: only the last approval moves the ticket', async () => {
    const { id } = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('zjg.dispatcher', id, 'dsp.assign', undefined, '多部门办理', { handling: 'multi', departments: ['zjg.sthj', 'zjg.zjj', 'zjg.swj'] });
    let d = await api.detail('zjg.dispatcher', id);
    expect(d.tasks.map((t) => `${t.department}:${t.role}`).sort()).toEqual(['zjg.sthj:multi', 'zjg.swj:multi', 'zjg.zjj:multi']);
    for (const [i, dep] of ['zjg.sthj', 'zjg.zjj', 'zjg.swj'].entries()) {
      await api.act(`${dep}.handler`, id, 'task.complete', { task: task(d, dep).id }, '已处理');
      d = await api.detail('zjg.reviewer', id);
      await api.act('zjg.reviewer', id, 'app.approve', { application: application(d, 'result', dep).id });
      d = await api.detail('zjg.reviewer', id);
      expect(d.tasks.filter((t) => t.node === 'approved')).toHaveLength(i + 1);
      expect(d.ticket.node).toBe(i < 2 ? 'handling' : 'closing');
    }
    expect(events(d).filter((e) => e === 'app.approve')).toHaveLength(3);
    expect(timeline(d).at(-1)).toBe('ticket $tasks.settled handling→closing');
  });

  it('X-8 delegated 苏州 → 张家港 → 凤凰镇: an extension climbs three shift leaders, the result two upper reviews, closed at 苏州', async () => {
    const { id } = await api.register('sz.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.xz.01', callbackWanted: true }, '送分拨');
    app.now += HOUR;
    await api.act('sz.dispatcher', id, 'dsp.delegate', undefined, '交办张家港', { center: 'zjg' });
    await extractAtZjg(id);
    await api.act('zjg.acceptor', id, 'acc.toDispatch', undefined, '送分拨');
    app.now += HOUR;
    await api.act('zjg.dispatcher', id, 'dsp.delegate', undefined, '交办凤凰镇', { center: 'fh' });
    await api.act('fh.acceptor', id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('fh.dispatcher', id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'fh.cgzd' });
    let d = await api.detail('fh.cgzd.handler', id);
    expect(d.ticket).toMatchObject({ node: 'handling', center: 'fh', source: 'upper' });
    expect(d.ticket.trail.map((f) => `${f.center}:${f.via}`)).toEqual(['sz:register', 'zjg:delegate', 'fh:delegate']);
    // the upper centers do not act while 凤凰镇 holds the ticket
    await api.refused('zjg.dispatcher', id, 403, 'TG_ERR_OUT_OF_SCOPE', 'ticket.urge', undefined, '催办');

    await api.act('fh.cgzd.handler', id, 'task.applyExtension', { task: task(d, 'fh.cgzd').id }, '需要时间', { amount: 1, unit: 'workDay' });
    d = await api.detail('fh.shiftleader', id);
    const ext = application(d, 'extension');
    expect(ext.chain.map((s) => `${s.level}:${s.department}`)).toEqual(['center:fh', 'upper:zjg', 'upper:sz']);
    await api.refused('sz.shiftleader', id, 403, 'TG_ERR_OUT_OF_SCOPE', 'app.approve', { application: ext.id });
    for (const [leader, node] of [['fh.shiftleader', 'upperReview'], ['zjg.shiftleader', 'upperReview'], ['sz.shiftleader', 'approved']] as const) {
      await api.act(leader, id, 'app.approve', { application: ext.id });
      expect(application(await api.detail(leader, id), 'extension').node).toBe(node);
    }

    d = await api.detail('fh.cgzd.handler', id);
    expect(task(d, 'fh.cgzd').clocks['stage:pending']?.extensions).toHaveLength(1);
    await api.act('fh.cgzd.handler', id, 'task.complete', { task: task(d, 'fh.cgzd').id }, '已拆除');
    d = await api.detail('fh.reviewer', id);
    await api.act('fh.reviewer', id, 'app.approve', { application: application(d, 'result').id });
    d = await api.detail('zjg.shiftleader', id);
    expect(d.ticket).toMatchObject({ node: 'upperReview', center: 'zjg' });
    expect(Api.allows(d, 'uprev.approve')).toBe(true);
    await api.refused('sz.shiftleader', id, 403, 'TG_ERR_OUT_OF_SCOPE', 'uprev.approve');
    await api.act('zjg.shiftleader', id, 'uprev.approve', undefined, '同意');
    d = await api.detail('sz.shiftleader', id);
    expect(d.ticket).toMatchObject({ node: 'upperReview', center: 'sz' });
    await api.act('sz.shiftleader', id, 'uprev.approve', undefined, '同意');
    await api.act('sz.acceptor', id, 'cb.submit', undefined, '满意', { satisfaction: 'satisfied' });
    await api.act('sz.shiftleader', id, 'cls.close', undefined, '结案');
    d = await api.detail('sz.shiftleader', id);
    expect(d.ticket).toMatchObject({ node: 'closed', center: 'sz' });
    expect(d.history.filter((h) => h.event === 'uprev.approve').map((h) => h.actor?.user)).toEqual(['zjg.shiftleader', 'sz.shiftleader']);
    expect(d.history.filter((h) => h.event === 'pool.extract').map((h) => h.actor?.user)).toEqual(['zjg.acceptor']);
  });

  it('X-8 escalated 杨舍镇 → 张家港, delegated to 凤凰镇: the transfer and the result climb only to 张家港', async () => {
    const { id } = await api.register('ys.acceptor', 'acc.toDispatch', { item: 'item.wzgg', grid: 'g.fh.fh.01' }, '送分拨');
    await api.act('ys.dispatcher', id, 'dsp.escalate', undefined, '非本镇辖区');
    let d = await api.detail('zjg.acceptor', id);
    expect(d.ticket).toMatchObject({ node: 'acceptance', center: 'zjg', source: 'lower' });
    await api.refused('ys.acceptor', id, 403, 'TG_ERR_OUT_OF_SCOPE', 'acc.toDispatch', undefined, '送分拨');
    await extractAtZjg(id);
    expect((await api.stored(id)).assignee).toBe('zjg.acceptor');
    await api.act('zjg.acceptor', id, 'acc.toDispatch', undefined, '送分拨');
    expect((await api.stored(id)).assignee).toBeNull();
    await api.act('zjg.dispatcher', id, 'dsp.delegate', undefined, '交办凤凰镇', { center: 'fh' });
    await api.act('fh.acceptor', id, 'acc.toDispatch', undefined, '送分拨');
    await api.act('fh.dispatcher', id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'fh.cgzd' });
    d = await api.detail('fh.cgzd.handler', id);
    await api.act('fh.cgzd.handler', id, 'task.applyTransfer', { task: task(d, 'fh.cgzd').id }, '属农业办', { department: 'fh.nyb' });
    d = await api.detail('fh.shiftleader', id);
    const transfer = application(d, 'transfer');
    expect(transfer.chain.map((s) => `${s.level}:${s.department}`)).toEqual(['center:fh', 'upper:zjg']);
    await api.act('fh.shiftleader', id, 'app.approve', { application: transfer.id });
    await api.act('zjg.shiftleader', id, 'app.approve', { application: transfer.id });
    d = await api.detail('fh.nyb.handler', id);
    expect(d.tasks.map((t) => `${t.department}:${t.node}`).sort()).toEqual(['fh.cgzd:transferred', 'fh.nyb:pending']);
    await api.act('fh.nyb.handler', id, 'task.complete', { task: task(d, 'fh.nyb').id }, '已处理');
    d = await api.detail('fh.reviewer', id);
    await api.act('fh.reviewer', id, 'app.approve', { application: application(d, 'result').id });
    d = await api.detail('zjg.shiftleader', id);
    expect(d.ticket).toMatchObject({ node: 'upperReview', center: 'zjg', source: 'lower' });
    await api.act('zjg.shiftleader', id, 'uprev.approve', undefined, '同意');
    await api.act('zjg.shiftleader', id, 'cls.close', undefined, '结案');
    d = await api.detail('zjg.shiftleader', id);
    expect(d.ticket).toMatchObject({ node: 'closed', center: 'zjg' });
  });

  it('HND-1/REV-4 an approved suspension pauses the task clock; HND-4 cancelling it resumes the clock', async () => {
    const { id } = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('zjg.dispatcher', id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'zjg.cgj' });
    const assignedAt = app.now;
    let d = await api.detail('zjg.cgj.handler', id);
    const cgj = task(d, 'zjg.cgj').id;
    app.now += HOUR;
    await api.act('zjg.cgj.handler', id, 'task.applySuspension', { task: cgj }, '等待施工队');
    d = await api.detail('zjg.shiftleader', id);
    await api.act('zjg.shiftleader', id, 'app.approve', { application: application(d, 'suspension').id });
    d = await api.detail('zjg.cgj.handler', id);
    const suspension = application(d, 'suspension');
    expect(suspension.node).toBe('approved');
    expect(task(d, 'zjg.cgj')).toMatchObject({ node: 'suspended', counts: { suspension: 1 } });
    expect(task(d, 'zjg.cgj').clocks['stage:pending']).toMatchObject({ status: 'paused', segments: [{ from: assignedAt, to: assignedAt + HOUR }] });
    expect(Api.allows(d, 'task.complete', { task: cgj })).toBeFalsy();
    await api.refused('zjg.cgj.handler', id, 422, 'TG_ERR_ACTION_REFUSED', 'task.complete', { task: cgj }, '办结');
    await api.act('zjg.cgj.handler', id, 'task.feedback', { task: cgj }, '挂账期间反馈');

    // HND-4: two hours later the applicant cancels the approved suspension; the paused time does not count
    app.now += 2 * HOUR;
    expect(Api.allows(d, 'app.cancelSuspension', { application: suspension.id })).toBe(true);
    await api.refused('zjg.sthj.handler', id, 403, 'TG_ERR_OUT_OF_SCOPE', 'app.cancelSuspension', { application: suspension.id });
    await api.act('zjg.cgj.handler', id, 'app.cancelSuspension', { application: suspension.id }, '已具备条件');
    d = await api.detail('zjg.cgj.handler', id);
    expect(application(d, 'suspension').node).toBe('cancelled');
    const clock = task(d, 'zjg.cgj').clocks['stage:pending']!;
    expect(task(d, 'zjg.cgj').node).toBe('pending');
    expect(clock).toMatchObject({ status: 'running', segments: [{ from: assignedAt, to: assignedAt + HOUR }, { from: assignedAt + 3 * HOUR }] });
    expect(clock.events.map((e) => e.type)).toEqual(['start', 'pause', 'resume']);
    // GZ_APPLY_COUNT is 1, even after a cancellation
    await api.refused('zjg.cgj.handler', id, 422, 'TG_ERR_ACTION_REFUSED', 'task.applySuspension', { task: cgj }, '再挂账');
    await api.act('zjg.cgj.handler', id, 'task.complete', { task: cgj }, '已处理');
    d = await api.detail('zjg.reviewer', id);
    await api.act('zjg.reviewer', id, 'app.approve', { application: application(d, 'result').id });
    expect((await api.detail('zjg.shiftleader', id)).ticket.node).toBe('closing');
  });

  it('bad input is refused and changes nothing: schema (400), role (403), scope (403), unknown button (404), stale version (409)', async () => {
    const { id } = await api.register('zjg.acceptor', 'acc.toDispatch', { item: 'item.wzgg' }, '送分拨');
    await api.act('zjg.dispatcher', id, 'dsp.assign', undefined, '请处理', { handling: 'mainAssist', main: 'zjg.cgj', assists: ['zjg.sthj'] });
    const d = await api.detail('zjg.cgj.handler', id);
    const cgj = task(d, 'zjg.cgj').id;
    const before = await api.stored(id);
    const raw = async (login: string, body: unknown) => {
      const res = await api.request(login, 'POST', `/api/tickets/${id}/actions`, body);
      expect(await api.stored(id)).toEqual(before);
      return { status: res.statusCode, body: res.json() as { code: string; details?: { pointer: string }[] } };
    };

    // schema violations name the JSON pointer
    const badVersion = await raw('zjg.cgj.handler', { button: 'task.feedback', version: 'seven' });
    expect(badVersion).toMatchObject({ status: 400, body: { code: 'TG_ERR_VALIDATION', details: [{ pointer: '/version' }] } });
    const badTarget = await raw('zjg.cgj.handler', { button: 'task.feedback', target: { kind: 'ticket-ish', id: cgj } });
    expect([badTarget.status, badTarget.body.code, badTarget.body.details?.[0]?.pointer]).toEqual([400, 'TG_ERR_VALIDATION', '/target/kind']);
    const extra = await raw('zjg.cgj.handler', { button: 'task.feedback', sneaky: true });
    expect(extra.status).toBe(400);
    // the engine's payload check: an extension of zero days
    const zero = await api.refused('zjg.cgj.handler', id, 400, 'TG_ERR_VALIDATION', 'task.applyExtension', { task: cgj }, '延期', { amount: 0, unit: 'workDay' });
    expect(zero.details).toMatchObject({ engineCode: 'ENG_INVALID_PAYLOAD' });
    // a registration against the form: the pointer of the bad field, and no ticket
    const tickets = async () => Number((await app.services.knex('tickets').count({ n: '*' }))[0]!.n);
    const count = await tickets();
    const badForm = await api.request('zjg.acceptor', 'POST', '/api/tickets', api.registration('acc.toDispatch', { item: 'item.wzgg', fields: { reporterPhone: 'abc' } }));
    expect(badForm.statusCode).toBe(400);
    expect((badForm.json() as { details: { fields: { pointer: string }[] } }).details.fields.map((f) => f.pointer)).toEqual(['/reporterPhone']);
    expect(await tickets()).toBe(count);

    // a button another role owns; another department's task; another center's ticket
    await api.refused('zjg.acceptor', id, 403, 'TG_ERR_FORBIDDEN', 'dsp.addDispatch', undefined, '加派', { handling: 'mainAssist', main: 'zjg.zjj' });
    await api.refused('zjg.sthj.handler', id, 403, 'TG_ERR_OUT_OF_SCOPE', 'task.complete', { task: cgj }, '办结');
    await api.refused('ys.dispatcher', id, 403, 'TG_ERR_OUT_OF_SCOPE', 'dsp.addDispatch', undefined, '加派', { handling: 'mainAssist', main: 'zjg.zjj' });
    const foreign = await api.request('ys.acceptor', 'GET', `/api/tickets/${id}`);
    expect([foreign.statusCode, (foreign.json() as { code: string }).code]).toEqual([403, 'TG_ERR_OUT_OF_SCOPE']);
    // an unknown button, an unknown task, an unknown ticket
    await api.refused('zjg.cgj.handler', id, 404, 'TG_ERR_UNKNOWN_BUTTON', 'task.teleport', { task: cgj });
    await api.refused('zjg.cgj.handler', id, 404, 'TG_ERR_NOT_FOUND', 'task.complete', { task: 'no-such-task' }, '办结');
    const missing = await api.request('zjg.cgj.handler', 'POST', '/api/tickets/no-such-ticket/actions', { button: 'task.complete' });
    expect(missing.statusCode).toBe(404);
    // a version the client saw before someone else acted
    await api.refused('zjg.cgj.handler', id, 409, 'TG_ERR_STALE_VERSION', 'task.feedback', { task: cgj }, '反馈', undefined, before.version - 1);
    await api.refused('zjg.cgj.handler', id, 409, 'TG_ERR_STALE_VERSION', 'task.feedback', { task: cgj }, '反馈', undefined, before.version + 1);
    // no session, no action
    const anonymous = await app.server.inject({ method: 'POST', url: `/api/tickets/${id}/actions`, payload: { button: 'task.feedback' } });
    expect(anonymous.statusCode).toBe(401);

    expect(await api.stored(id)).toEqual(before);
    // the same action with the current version goes through, and moves the version once
    const ok = await api.attempt('zjg.cgj.handler', id, 'task.feedback', { task: cgj }, '已到现场', undefined, before.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await api.stored(id)).toMatchObject({ version: before.version + 1, history: before.history + 1 });
  });
});
