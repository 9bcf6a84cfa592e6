/**
 * Engine benchmark (not a test): the seed's main path through decide() beside the bare XState
 * transitions of the same nodes, measured in one run and printed as a ratio, plus heap growth.
 * Run with `npm run bench`.
 */
import { transition } from 'xstate';
import { compileBundle, createBundle, decide, type CompiledBundle, type TicketWorld } from '../engine/index.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../runtime/definitions/readPackage.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const START = Date.parse('2025-06-10T09:00:00+08:00');

async function load(): Promise<CompiledBundle> {
  const { bundle, findings } = createBundle(await readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`));
  if (!bundle) throw new Error(findings.map((f) => f.message).join('\n'));
  return compileBundle(bundle);
}

function actor(cb: CompiledBundle, login: string) {
  const u = cb.org.users.get(login)!;
  return { user: u.id, department: u.department, roles: u.roles };
}

async function lifecycle(cb: CompiledBundle, n: number): Promise<number> {
  let seq = 0;
  const ids = () => `b${++seq}`;
  let actions = 0;
  const must = async (w: TicketWorld | undefined, login: string, button: string, target: { kind: 'ticket' | 'task' | 'application'; id: string }, payload = {}) => {
    const r = await decide(cb, w, { button, target, actor: actor(cb, login), opinion: '同意', payload }, START + actions * 1000, ids,
      w ? undefined : { number: `DH${seq}`, domain: 'linkage', item: 'item.wzgg', title: 'bench', channel: 'phone', reportedAt: START, grid: 'g.ys.dq.01' });
    if (!r.ok) throw new Error(`${button}: ${r.error.message}`);
    actions++;
    return r.world;
  };
  for (let i = 0; i < n; i++) {
    let w = await must(undefined, 'zjg.acceptor', 'acc.toDispatch', { kind: 'ticket', id: '' });
    w = await must(w, 'zjg.dispatcher', 'dsp.assign', { kind: 'ticket', id: w.ticket.id }, { handling: 'mainAssist', main: 'zjg.cgj' });
    w = await must(w, 'zjg.cgj.handler', 'task.complete', { kind: 'task', id: w.tasks[0]!.id });
    w = await must(w, 'zjg.reviewer', 'app.approve', { kind: 'application', id: w.applications[0]!.id });
    await must(w, 'zjg.shiftleader', 'cls.close', { kind: 'ticket', id: w.ticket.id });
  }
  return actions;
}

function bareTransitions(cb: CompiledBundle, n: number): number {
  const flow = cb.flows['flow.linkage']!;
  const path: [string, string, string[]][] = [['registration', 'acc.toDispatch', []], ['dispatch', 'dsp.assign', []], ['closing', 'cls.close', []]];
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const [node, event, passed] of path) {
      const snap = flow.machine.resolveState({ value: node, context: {} });
      transition(flow.machine, snap, { type: event, passed });
      count++;
    }
  }
  return count;
}

const cb = await load();
await lifecycle(cb, 20);
bareTransitions(cb, 200);
const heap0 = process.memoryUsage().heapUsed;
let t = performance.now();
const actions = await lifecycle(cb, ROUNDS);
const decideMs = performance.now() - t;
const heapGrowth = process.memoryUsage().heapUsed - heap0;
t = performance.now();
const bare = bareTransitions(cb, ROUNDS * 5);
const bareMs = performance.now() - t;
const decidePerSec = (actions / decideMs) * 1000;
const barePerSec = (bare / bareMs) * 1000;
console.log(`decide(): ${actions} actions in ${decideMs.toFixed(0)} ms = ${decidePerSec.toFixed(0)} actions/s`);
console.log(`bare XState transition(): ${bare} in ${bareMs.toFixed(0)} ms = ${barePerSec.toFixed(0)} transitions/s`);
console.log(`ratio decide/bare: ${(decidePerSec / barePerSec).toFixed(3)} (rules, facts, effects and clocks on top of the machine)`);
console.log(`heap growth during the decide run: ${(heapGrowth / 1024 / 1024).toFixed(1)} MiB`);
