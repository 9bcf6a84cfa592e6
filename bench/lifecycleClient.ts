import { HttpConnection } from './httpConnection.js';

/**
 * The runtime benchmark's load generator (bench/runtime.ts forks it): full ticket lifecycles through
 * real HTTP, in a process of its own so that the server's throughput, CPU and memory are the
 * server's alone (in one process the HTTP client took about a third of the CPU the run measured).
 * It speaks HTTP/1.1 over kept-alive connections, one per concurrent lifecycle, through the lean
 * client of bench/httpConnection.ts: on two cores it competes with the server for the same CPU
 * (fetch() cost about 0.8 ms of CPU per action, node:http about 0.4).
 * Receives { url, tokens, tickets, concurrency } and answers { actions, ms, cpuMs } per run.
 */

export interface ClientRun {
  readonly url: string;
  readonly tokens: Record<string, string>;
  readonly tickets: number;
  readonly concurrency: number;
  /**
   * Whether each lifecycle also reads the detail twice, as the handler's and the reviewer's screens
   * do, and takes the task and application from it; otherwise it takes them from the answers.
   */
  readonly reads: boolean;
}

/** Actions done, wall time and the load generator's own CPU time (ms), or what went wrong. */
export type ClientAnswer = { readonly actions: number; readonly ms: number; readonly cpuMs: number } | { readonly error: string };

/** Runs `work` n times, at most `limit` at once; each of the `limit` workers passes its own number. */
async function pool(n: number, limit: number, work: (worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async (_, worker) => {
    while (next++ < n) await work(worker);
  }));
}

/** One request on a connection of the caller's; resolves with the parsed JSON body of a 2xx answer. */
async function send<T>(connection: HttpConnection, method: string, path: string, token: string, body?: unknown): Promise<T> {
  const answer = await connection.request(method, path, token, body === undefined ? undefined : JSON.stringify(body));
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body) as T;
}

interface Answer {
  readonly ticket: { readonly id: string };
  readonly entities: { readonly tasks: readonly { id: string }[]; readonly applications: readonly { id: string }[] };
}

/** Register, accept, dispatch, complete, approve, close: six actions per ticket (and two detail reads with `reads`). */
export async function lifecycles({ url, tokens, tickets, concurrency, reads }: ClientRun): Promise<number> {
  let actions = 0;
  const base = new URL(url);
  const connections: HttpConnection[] = [];
  // one connection per worker: a lifecycle's requests follow each other on it, kept alive
  const on = (worker: number) => (connections[worker] ??= new HttpConnection(base.hostname, Number(base.port)));
  const lifecycle = async (connection: HttpConnection) => {
    const call = async (login: string, path: string, body: unknown) => {
      const answer = await send<Answer>(connection, 'POST', path, tokens[login]!, body);
      actions++;
      return answer;
    };
    const read = (login: string, id: string) => send<{ tasks: { id: string }[]; applications: { id: string }[] }>(connection, 'GET', `/api/tickets/${id}`, tokens[login]!);
    const fields = { reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男', title: '违规广告牌', description: '东桥路口', regionCode: '320582', address: '东桥路', grid: 'g.ys.dq.01', item: 'item.wzgg', eventType: 'complaint', difficult: false };
    const { ticket } = await call('zjg.acceptor', '/api/tickets', { domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', grid: 'g.ys.dq.01', fields, button: 'acc.toReview', opinion: '请审核' });
    await call('zjg.shiftleader', `/api/tickets/${ticket.id}/actions`, { button: 'acc.toDispatch', opinion: '受理' });
    const assigned = await call('zjg.dispatcher', `/api/tickets/${ticket.id}/actions`, { button: 'dsp.assign', opinion: '交办', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
    const task = reads ? (await read('zjg.cgj.handler', ticket.id)).tasks[0]!.id : assigned.entities.tasks[0]!.id;
    const completed = await call('zjg.cgj.handler', `/api/tickets/${ticket.id}/actions`, { button: 'task.complete', target: { kind: 'task', id: task }, opinion: '已拆除' });
    const application = reads ? (await read('zjg.reviewer', ticket.id)).applications[0]!.id : completed.entities.applications[0]!.id;
    await call('zjg.reviewer', `/api/tickets/${ticket.id}/actions`, { button: 'app.approve', target: { kind: 'application', id: application }, opinion: '通过' });
    await call('zjg.shiftleader', `/api/tickets/${ticket.id}/actions`, { button: 'cls.close', opinion: '结案' });
  };
  try {
    await pool(tickets, concurrency, (worker) => lifecycle(on(worker)));
  } finally {
    for (const c of connections) c.close();
  }
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
