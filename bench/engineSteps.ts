/**
 * Engine step benchmark (not a test): the CPU the engine spends on each step of the runtime
 * benchmark's lifecycle (bench/lifecycleClient.ts), without HTTP and storage: decide() per action,
 * and per detail read availableActions() for the ticket, its tasks and applications plus the SLA
 * block; also the list's `sla` cell. Prints CPU µs per step, the best of several rounds (the machine
 * is shared: the minimum is the figure least disturbed by other work).
 *
 * BENCH_BASE=<dir> times a second copy of the code beside this one, interleaved in the same run, e.g.
 *   git archive HEAD engine definitions/schemas runtime/tickets runtime/views | tar -x -C <dir>
 *   ln -s "$PWD/node_modules" <dir>/node_modules
 *   BENCH_BASE=<dir> npx tsx bench/engineSteps.ts
 * BENCH_ROUNDS and BENCH_ITERATIONS change the effort.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Engine from '../engine/index.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../runtime/definitions/readPackage.js';
import type * as SlaView from '../runtime/tickets/slaView.js';
import type * as SlaCell from '../runtime/views/slaCell.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const START = Date.parse('2025-06-10T09:00:00+08:00');

interface Code {
  readonly label: string;
  readonly engine: typeof Engine;
  readonly slaView: typeof SlaView;
  readonly slaCell: typeof SlaCell;
}

async function code(label: string, root: string): Promise<Code> {
  const at = (path: string) => pathToFileURL(resolve(root, path)).href;
  return {
    label,
    engine: await import(at('engine/index.ts')) as typeof Engine,
    slaView: await import(at('runtime/tickets/slaView.ts')) as typeof SlaView,
    slaCell: await import(at('runtime/views/slaCell.ts')) as typeof SlaCell,
  };
}

/** One timed step: `run` does what the server does for it once. */
interface Step {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

const FIELDS = {
  reportTime: '2025-06-10T09:00:00+08:00', channel: 'phone', reporterName: '张三', reporterPhone: '13812345678', reporterGender: '男',
  title: '违规广告牌', description: '东桥路口', regionCode: '320582', address: '东桥路', grid: 'g.ys.dq.01', item: 'item.wzgg',
  eventType: 'complaint', difficult: false,
};

/**
 * Plays the lifecycle once to get the world before each step, and returns the steps, each
 * redoing its work on the same input (decisions are pure: repeating one is the same work).
 */
async function steps(c: Code): Promise<Step[]> {
  const { engine } = c;
  const { bundle, findings } = engine.createBundle(await readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`));
  if (!bundle) throw new Error(findings.map((f) => f.message).join('\n'));
  const cb = engine.compileBundle(bundle);
  const actor = (login: string) => {
    const u = cb.org.users.get(login)!;
    return { user: u.id, department: u.department, roles: u.roles };
  };
  let seq = 0;
  const ids = () => `id${++seq}`;
  let now = START;
  const out: Step[] = [];
  const act = async (name: string, world: Engine.TicketWorld | undefined, login: string, action: Omit<Engine.Action, 'actor'>, registration?: Engine.Registration) => {
    const at = now;
    now += 60_000;
    const full = { ...action, actor: actor(login) };
    const once = async () => {
      if (registration) {
        const errors = engine.validateTicketFields(cb.bundle, registration.domain, registration.item, registration.fields ?? {});
        if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('; '));
      }
      const r = await engine.decide(cb, world, full, at, ids, registration);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r;
    };
    out.push({ name, run: once });
    return (await once()).world;
  };
  const read = (name: string, world: Engine.TicketWorld, login: string) => {
    const a = actor(login);
    const at = now;
    out.push({
      name: `${name} buttons`,
      run: async () => [
        await engine.availableActions(cb, world, { kind: 'ticket', id: world.ticket.id }, a),
        ...await Promise.all(world.tasks.map((t) => engine.availableActions(cb, world, { kind: 'task', id: t.id }, a))),
        ...await Promise.all(world.applications.map((x) => engine.availableActions(cb, world, { kind: 'application', id: x.id }, a))),
      ],
    });
    out.push({ name: `${name} sla`, run: async () => c.slaView.ticketSla(cb, world, at) });
  };
  const list = (name: string, world: Engine.TicketWorld) => {
    const at = now;
    out.push({ name, run: async () => c.slaCell.slaCell(cb, world.ticket, world.ticket, at) });
  };

  const registration: Engine.Registration = { number: 'DH1', domain: 'linkage', item: 'item.wzgg', title: '违规广告牌', channel: 'phone', reportedAt: START, grid: 'g.ys.dq.01', fields: FIELDS };
  let w = await act('register', undefined, 'zjg.acceptor', { button: 'acc.toReview', target: { kind: 'ticket', id: 't1' }, opinion: '请审核', payload: {} }, registration);
  w = await act('accept', w, 'zjg.shiftleader', { button: 'acc.toDispatch', target: { kind: 'ticket', id: w.ticket.id }, opinion: '受理', payload: {} });
  w = await act('dispatch', w, 'zjg.dispatcher', { button: 'dsp.assign', target: { kind: 'ticket', id: w.ticket.id }, opinion: '交办', payload: { handling: 'mainAssist', main: 'zjg.cgj' } });
  read('detail (handler)', w, 'zjg.cgj.handler');
  list('list sla cell', w);
  w = await act('complete', w, 'zjg.cgj.handler', { button: 'task.complete', target: { kind: 'task', id: w.tasks[0]!.id }, opinion: '已拆除', payload: {} });
  read('detail (reviewer)', w, 'zjg.reviewer');
  w = await act('approve', w, 'zjg.reviewer', { button: 'app.approve', target: { kind: 'application', id: w.applications[0]!.id }, opinion: '通过', payload: {} });
  await act('close', w, 'zjg.shiftleader', { button: 'cls.close', target: { kind: 'ticket', id: w.ticket.id }, opinion: '结案', payload: {} });
  return out;
}

/** CPU µs per run of a step (process CPU time, not wall time: other processes' work does not count). */
async function timeOnce(step: Step, n: number): Promise<number> {
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) await step.run();
  const { user, system } = process.cpuUsage(t);
  return (user + system) / n;
}

const codes = [await code('current', resolve(import.meta.dirname, '..'))];
if (process.env.BENCH_BASE) codes.unshift(await code('base', process.env.BENCH_BASE));
const plans = await Promise.all(codes.map(steps));
const best = plans.map((p) => p.map(() => Number.POSITIVE_INFINITY));
for (const plan of plans) for (const step of plan) await timeOnce(step, Math.ceil(ITERATIONS / 3)); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (let s = 0; s < plans[0]!.length; s++) {
    for (let c = 0; c < plans.length; c++) best[c]![s] = Math.min(best[c]![s]!, await timeOnce(plans[c]![s]!, ITERATIONS));
  }
}
const names = plans[0]!.map((s) => s.name);
const width = Math.max(...names.map((n) => n.length));
console.log(`CPU µs per step, best of ${ROUNDS} rounds of ${ITERATIONS}`);
console.log(`${'step'.padEnd(width)}  ${codes.map((c) => c.label.padStart(9)).join('  ')}${codes.length > 1 ? '   ratio' : ''}`);
const total = codes.map(() => 0);
names.forEach((name, s) => {
  const figures = codes.map((_, c) => best[c]![s]!);
  figures.forEach((f, c) => { total[c]! += f; });
  console.log(`${name.padEnd(width)}  ${figures.map((f) => f.toFixed(1).padStart(9)).join('  ')}${codes.length > 1 ? `   ${(figures[1]! / figures[0]!).toFixed(2).padStart(5)}` : ''}`);
});
console.log(`${'total'.padEnd(width)}  ${total.map((f) => f.toFixed(1).padStart(9)).join('  ')}${codes.length > 1 ? `   ${(total[1]! / total[0]!).toFixed(2).padStart(5)}` : ''}`);
