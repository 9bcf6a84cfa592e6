import { beforeAll, describe, expect, it } from 'vitest';
import { autoDispatch, compileBundle, type CompiledBundle } from '../../../engine/index.js';
import type { Bundle } from '../../../engine/definitions/bundleTypes.js';
import { dispatchStepText } from '../../../engine/dispatch/dispatchSteps.js';
import { lintBundle } from '../../../engine/lint/index.js';
import { copiedBindings } from '../../../designer/studio/src/editor/copyBindings.js';
import { builtInBundle, Scenario } from '../../support/scenario.js';

let base: CompiledBundle;
let personalised: CompiledBundle;
const SPECIAL = 'flow.linkage.task.special';

beforeAll(async () => {
  base = await builtInBundle();
  const bundle = structuredClone(base.bundle);
  const taskFlow = bundle.defs.flow['flow.linkage.task']!;
  (bundle.defs.flow as Record<string, typeof taskFlow>)[SPECIAL] = { ...structuredClone(taskFlow), id: SPECIAL, name: '道路不洁专用处置流程' };
  bundle.defs.item['item.dlbj']!.flow = SPECIAL;
  // a personalised flow comes with its own status bindings (the studio copies them with the flow)
  const bindings = bundle.defs.statusBinding as unknown as Record<string, Record<string, unknown>>;
  for (const b of copiedBindings(Object.values(bindings), Object.keys(bindings), 'flow.linkage.task', SPECIAL)) bindings[b.id as string] = b;
  personalised = compileBundle(bundle);
});

describe('DEF-3 an item names its own department-handling (task) flow', () => {
  it('tasks of a ticket of that item run the item\u2019s flow; other items keep the ticket flow\u2019s taskFlow', async () => {
    const s = new Scenario(personalised);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.dlbj', grid: 'g.ys.dq.01' });
    expect(w.tasks.length).toBeGreaterThan(0);
    expect(new Set(w.tasks.map((t) => t.flow))).toEqual(new Set([SPECIAL]));
    expect(w.tasks.every((t) => t.node === personalised.flows[SPECIAL]!.flow.initial)).toBe(true);
    // the task acts in its own flow
    const task = s.task(w.ticket.id, 'ys.cgzd');
    await s.act('ys.cgzd.handler', 'task.return', { task: task.id }, '不属于本部门职责');
    expect(s.task(w.ticket.id, 'ys.cgzd')).toMatchObject({ flow: SPECIAL });
    expect(s.application(w.ticket.id, 'return')).toMatchObject({ task: task.id });

    const plain = new Scenario(base);
    const p = await plain.register('ys.acceptor', 'acc.toDispatch', { item: 'item.dlbj', grid: 'g.ys.dq.01' });
    expect(new Set(p.tasks.map((t) => t.flow))).toEqual(new Set(['flow.linkage.task']));
  });

  it('lint refuses an item flow that is not a task flow, worded in both languages', () => {
    const bundle = structuredClone(base.bundle);
    bundle.defs.item['item.dlbj']!.flow = 'flow.linkage';
    const f = lintBundle(bundle as Bundle).find((x) => x.code === 'LINT_FLOW_SCOPE_MISMATCH');
    expect(f?.message).toBe('the personalised flow "flow.linkage" of item "item.dlbj" must be a task flow, but it drives a ticket');
  });
});

describe('dispatch steps (rule tester trace) as codes with parameters', () => {
  it('words each step in English (the trace) and in Chinese', async () => {
    const s = new Scenario(base);
    const w = await s.register('ys.acceptor', 'acc.toDispatch', { item: 'item.dlbj', grid: 'g.ys.dq.01' });
    const why = autoDispatch(base, w.ticket);
    expect(why.steps.length).toBe(why.trace.length);
    expect(why.steps.map((x) => dispatchStepText(x, 'en-US', false))).toEqual(why.trace);
    // an English screen names the item and centers in English where they have English names
    expect(dispatchStepText(why.steps[0]!, 'en-US')).toMatch(/^item Dirty road at .+: default mode /);
    expect(why.trace[0]).toMatch(/^item 道路不洁 at /);
    const zh = why.steps.map((x) => dispatchStepText(x, 'zh-CN'));
    for (const line of zh) expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(zh[0]).toMatch(/^事项“.+”在.+：默认分拨方式为/);
    expect(dispatchStepText({ code: 'DSP_ASSIGN', params: { handling: 'mainAssist' } }, 'zh-CN')).toBe('分拨到部门（主协办）');
  });
});
