import { describe, expect, it } from 'vitest';
import { definitionKinds } from '../../definitions/schemas/index';
import { pointerInDefinition, type Json } from '../../designer/studio/src/definitionsApi';
import { errorSchemaOf } from '../../designer/studio/src/editor/errorSchema';
import { formSchemaOf, pruneEmpty } from '../../designer/studio/src/editor/kindSchema';
import { validateDefinition } from '../../designer/studio/src/editor/validateDefinition';
import { flowGraph, transitionsFrom, type FlowDef } from '../../designer/studio/src/flow/flowGraph';

const schemaOf = (kind: string) => JSON.parse(JSON.stringify(definitionKinds.find((k) => k.kind === kind)!.schema)) as Json;
type Node = Json & { properties: Record<string, Node>; items: Node };

describe('studio editor helpers', () => {
  it('makes a kind\u2019s schema a form: references become pickers, recursive and free-form parts JSON fields, enums get labels', () => {
    const { schema, uiSchema } = formSchemaOf(schemaOf('flow'), { enumLabel: (v) => ({ ticket: '工单', task: '部门任务', application: '申请' })[v] });
    const ui = uiSchema as Record<string, Json>;
    expect(schema.$id).toBeUndefined();
    expect(schema.title).toBeUndefined();
    const props = (schema as Node).properties;
    expect(ui.taskFlow!['ui:widget']).toBe('refSelect');
    expect(ui.scope!['ui:enumNames']).toEqual(['工单 (ticket)', '部门任务 (task)', '申请 (application)']);
    const guard = props.transitions!.items.properties.guards!.items.properties;
    expect(guard.when).toEqual({ type: 'object', title: '条件' });
    expect((((ui.transitions!.items as Json).guards as Json).items as Json).when).toEqual({ 'ui:field': 'json' });
    const item = formSchemaOf(schemaOf('item')).uiSchema as Record<string, Json>;
    expect((((item.dispatch!.items as Json).assignment as Json).assists as Json)['ui:widget']).toBe('refSelect');
  });

  it('drops untouched optional sub-forms but keeps required members and data', () => {
    const schema = schemaOf('timeLimit');
    const pruned = pruneEmpty(schema, { id: 'tl.x', name: 'x', type: 'stage', amount: 1, unit: 'workHour', metering: 'single', enabled: true, warnBefore: {}, urgencyAmounts: {}, remark: undefined });
    expect(pruned).toEqual({ id: 'tl.x', name: 'x', type: 'stage', amount: 1, unit: 'workHour', metering: 'single', enabled: true });
    expect(validateDefinition('timeLimit', schema, pruned, 'en-US')).toEqual([]);
  });

  it('validates against the kind\u2019s schema with pointers and localized messages', () => {
    const errors = validateDefinition('item', schemaOf('item'), { id: 'item.x', directory: 'd', code: '12', name: 'x', enabled: true, domains: [], dispatch: [], extra: 1 }, 'zh-CN');
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/code', '/extra']);
    expect(errors.find((e) => e.pointer === '/code')!.message).toMatch(/应当匹配模式/);
  });

  it('puts messages at JSON pointers into an RJSF error schema and reads a finding\u2019s pointer inside its definition', () => {
    expect(errorSchemaOf([{ pointer: '/transitions/41/to', message: 'a' }, { pointer: '/transitions/41/to', message: 'b' }, { pointer: '', message: 'c' }]))
      .toEqual({ __errors: ['c'], transitions: { 41: { to: { __errors: ['a', 'b'] } } } });
    expect(errorSchemaOf([{ pointer: '/a~1b/c~0d', message: 'x' }])).toEqual({ 'a/b': { 'c~d': { __errors: ['x'] } } });
    expect(pointerInDefinition({ code: 'X', severity: 'error', message: '', file: 'linkage/flows/general.json', pointer: '/transitions/41/to' })).toBe('/transitions/41/to');
    expect(pointerInDefinition({ code: 'X', severity: 'error', message: '', file: 'linkage/items.json', pointer: '/12/dispatch/0/region' })).toBe('/dispatch/0/region');
  });

  it('draws a flow as one edge per node pair with every trigger, and `*` transitions from an any-node', () => {
    const flow: FlowDef = {
      id: 'f', name: 'f', scope: 'ticket', initial: 'a',
      nodes: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C', final: true }],
      transitions: [
        { from: ['a'], button: 'go', to: 'b' }, { from: ['a'], button: 'jump', to: 'b' }, { from: ['b'], button: 'end', to: 'c' },
        { from: ['*'], button: 'void', to: 'c' }, { from: ['b'], button: 'note' }, { from: ['a'], button: 'bad', to: 'nowhere' },
      ],
    };
    const g = flowGraph(flow);
    expect(g.usesAny).toBe(true);
    expect(g.edges).toEqual([
      { id: 'a->b', source: 'a', target: 'b', triggers: ['go', 'jump'] },
      { id: 'b->c', source: 'b', target: 'c', triggers: ['end'] },
      { id: '*->c', source: '*', target: 'c', triggers: ['void'] },
    ]);
    expect(transitionsFrom(flow, 'b').map((t) => t.button)).toEqual(['end', 'void', 'note']);
    expect(transitionsFrom(flow, 'c').map((t) => t.button)).toEqual([]);
  });
});
