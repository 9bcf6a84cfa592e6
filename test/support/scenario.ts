import { expect } from 'vitest';
import { compileBundle, createBundle, decide, type CompiledBundle, type DecideSuccess, type EngineErrorCode } from '../../engine/index.js';
import type { Actor, ApplicationKind, ApplicationState, TaskState, TicketWorld } from '../../engine/index.js';
import type { Registration } from '../../engine/index.js';
import { formatFinding } from '../../engine/findings.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../../runtime/definitions/readPackage.js';

let compiled: Promise<CompiledBundle> | undefined;

/** The built-in packages (linkage + hotline-12345 and their dependencies), compiled once per test file. */
export function builtInBundle(): Promise<CompiledBundle> {
  compiled ??= (async () => {
    const sources = await readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`);
    const { bundle, findings } = createBundle(sources);
    if (!bundle) throw new Error(findings.map(formatFinding).join('\n'));
    return compileBundle(bundle);
  })();
  return compiled;
}

/** Tuesday 2025-06-10 09:00 in Suzhou: an ordinary working day. */
export const TUESDAY_9AM = Date.parse('2025-06-10T09:00:00+08:00');
export const HOUR = 3_600_000;

type Target = { ticket: string } | { task: string } | { application: string };

/** Plays a seed scenario against the engine, as the demo users, with simulated time and ids. */
export class Scenario {
  now: number;
  private seq = 0;
  readonly worlds = new Map<string, TicketWorld>();
  readonly ids = () => `id${++this.seq}`;

  constructor(readonly cb: CompiledBundle, start = TUESDAY_9AM) {
    this.now = start;
  }

  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  actor(login: string): Actor {
    const user = this.cb.org.users.get(login);
    if (!user) throw new Error(`no demo user ${login}`);
    return { user: user.id, department: user.department, roles: user.roles };
  }

  async register(login: string, button: string, reg: Partial<Registration> & { item: string }, opinion = '拟办意见', payload: Record<string, unknown> = {}): Promise<TicketWorld> {
    const registration: Registration = {
      number: `DH${this.seq + 1}`, domain: 'linkage', title: '测试事件', channel: 'phone', reportedAt: this.now, grid: 'g.ys.dq.01', ...reg,
    };
    const result = await decide(this.cb, undefined, { button, target: { kind: 'ticket', id: '' }, actor: this.actor(login), opinion, payload }, this.now, this.ids, registration);
    if (!result.ok) throw new Error(`${login} ${button}: ${result.error.code} ${result.error.message}`);
    this.worlds.set(result.world.ticket.id, result.world);
    return result.world;
  }

  private locate(target: Target): { world: TicketWorld; ref: { kind: 'ticket' | 'task' | 'application'; id: string } } {
    if ('ticket' in target) return { world: this.world(target.ticket), ref: { kind: 'ticket', id: target.ticket } };
    for (const world of this.worlds.values()) {
      if ('task' in target && world.tasks.some((t) => t.id === target.task)) return { world, ref: { kind: 'task', id: target.task } };
      if ('application' in target && world.applications.some((a) => a.id === target.application)) return { world, ref: { kind: 'application', id: target.application } };
    }
    throw new Error(`unknown target ${JSON.stringify(target)}`);
  }

  async attempt(login: string, button: string, target: Target, opinion?: string, payload: Record<string, unknown> = {}) {
    const { world, ref } = this.locate(target);
    return decide(this.cb, world, { button, target: ref, actor: this.actor(login), ...(opinion ? { opinion } : {}), payload }, this.now, this.ids);
  }

  async act(login: string, button: string, target: Target, opinion: string | undefined = '同意', payload: Record<string, unknown> = {}): Promise<DecideSuccess> {
    const result = await this.attempt(login, button, target, opinion, payload);
    if (!result.ok) throw new Error(`${login} ${button}: ${result.error.code} ${result.error.message}`);
    this.worlds.set(result.world.ticket.id, result.world);
    return result;
  }

  async refused(login: string, button: string, target: Target, code: EngineErrorCode, opinion = '意见', payload: Record<string, unknown> = {}) {
    const result = await this.attempt(login, button, target, opinion, payload);
    expect(result.ok, `${login} ${button} should be refused`).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    return result;
  }

  world(ticket: string): TicketWorld {
    const w = this.worlds.get(ticket);
    if (!w) throw new Error(`unknown ticket ${ticket}`);
    return w;
  }

  node(ticket: string): string {
    return this.world(ticket).ticket.node;
  }

  task(ticket: string, department: string): TaskState {
    const tasks = this.world(ticket).tasks.filter((t) => t.department === department);
    const task = tasks.find((t) => !['transferred'].includes(t.node)) ?? tasks[0];
    if (!task) throw new Error(`no task of ${department} on ${ticket}`);
    return task;
  }

  application(ticket: string, kind: ApplicationKind, department?: string): ApplicationState {
    const apps = this.world(ticket).applications.filter((a) => a.kind === kind && (!department || a.applicant.department === department));
    const app = apps[apps.length - 1];
    if (!app) throw new Error(`no ${kind} application on ${ticket}`);
    return app;
  }
}
