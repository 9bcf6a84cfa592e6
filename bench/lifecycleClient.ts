/**
 * The runtime benchmark's load generator (bench/runtime.ts forks it): full ticket lifecycles through
 * real HTTP, in a process of its own so that the server's throughput, CPU and memory are the
 * server's alone (in one process the HTTP client took about a third of the CPU the run measured).
 * Receives { url, tokens, tickets, concurrency } and answers { actions, ms, cpuMs } per run.
 */

export interface ClientRun {
  readonly url: string;
  readonly tokens: Record<string, string>;
  readonly tickets: number;
  readonly concurrency: number;
}

/** Actions done, wall time and the load generator's own CPU time (ms), or what went wrong. */
export type ClientAnswer = { readonly actions: number; readonly ms: number; readonly cpuMs: number } | { readonly error: string };

async function pool(n: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) await work(next++);
  }));
}

/** Register, accept, dispatch, complete, approve, close: six actions (and two detail reads) per ticket. */
export async function lifecycles({ url, tokens, tickets, concurrency }: ClientRun): Promise<number> {
  let actions = 0;
  const call = async (login: string, path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[login]}` }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    actions++;
    return res.json() as Promise<{ ticket: { id: string } }>;
  };
  const read = async (login: string, id: string) => {
    const res = await fetch(`${url}/api/tickets/${id}`, { headers: { authorization: `Bearer ${tokens[login]}` } });
    if (!res.ok) throw new Error(`GET ${id}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ tasks: { id: string }[]; applications: { id: string }[] }>;
  };
  const fields = { reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男', title: '违规广告牌', description: '东桥路口', regionCode: '320582', address: '东桥路', grid: 'g.ys.dq.01', item: 'item.wzgg', eventType: 'complaint', difficult: false };
  await pool(tickets, concurrency, async () => {
    const { ticket } = await call('zjg.acceptor', '/api/tickets', { domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', fields, button: 'acc.toReview', opinion: '请审核' });
    await call('zjg.shiftleader', `/api/tickets/${ticket.id}/actions`, { button: 'acc.toDispatch', opinion: '受理' });
    await call('zjg.dispatcher', `/api/tickets/${ticket.id}/actions`, { button: 'dsp.assign', opinion: '交办', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    const detail = await read('zjg.cgj.handler', ticket.id);
    await call('zjg.cgj.handler', `/api/tickets/${ticket.id}/actions`, { button: 'task.complete', target: { kind: 'task', id: detail.tasks[0]!.id }, opinion: '已拆除' });
    const after = await read('zjg.reviewer', ticket.id);
    await call('zjg.reviewer', `/api/tickets/${ticket.id}/actions`, { button: 'app.approve', target: { kind: 'application', id: after.applications[0]!.id }, opinion: '通过' });
    await call('zjg.shiftleader', `/api/tickets/${ticket.id}/actions`, { button: 'cls.close', opinion: '结案' });
  });
  return actions;
}

if (process.send) {
  process.on('message', (run: ClientRun) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    lifecycles(run).then(
      (actions) => {
        const { user, system } = process.cpuUsage(cpu);
        process.send!({ actions, ms: performance.now() - t, cpuMs: (user + system) / 1000 } satisfies ClientAnswer);
      },
      (e: unknown) => process.send!({ error: e instanceof Error ? e.message : String(e) } satisfies ClientAnswer),
    );
  });
}
