import { describe, expect, it } from 'vitest';
import { actionBody } from '../../../designer/workbench/src/actions/buildRequest';
import { dialogSchema } from '../../../designer/workbench/src/actions/dialogSchema';
import { dialogHints } from '../../../designer/workbench/src/actions/applicationLimits';
import { branchErrorFilter } from '../../../designer/workbench/src/actions/dialogErrors';
import { handlingDetail, index } from '../ticket/fixtures';

// the texts' keys with their parameters: the hints are asserted on what they say, not on wording
const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;

describe('the action request', () => {
  it('sends the target, the trimmed opinion, the payload without cleared fields and the version seen', () => {
    const body = actionBody({ ticketId: 't1', button: 'task.applyExtension', target: { kind: 'task', id: 'task-cgj' }, version: 7 }, '  需要外运 ', { amount: 1, unit: 'workDay', cc: [], note: undefined });
    expect(body).toEqual({ button: 'task.applyExtension', target: { kind: 'task', id: 'task-cgj' }, opinion: '需要外运', payload: { amount: 1, unit: 'workDay' }, version: 7 });
  });

  it('leaves out what was not given (batch presses carry no version, dialogs without a schema no payload)', () => {
    expect(actionBody({ ticketId: 't1', button: 'ticket.urge' }, '   ', undefined)).toEqual({ button: 'ticket.urge' });
  });
});

describe('the dialog schema', () => {
  it('turns a vocabulary format into the vocabulary\u2019s choices in both languages (CLS-1 satisfaction)', () => {
    const cb = index.button('cb.submit')!.dialog!;
    const { schema } = dialogSchema(cb.schema!, cb.uiSchema, index);
    const satisfaction = (schema.properties as Record<string, Record<string, unknown>>).satisfaction!;
    expect(satisfaction.format).toBeUndefined();
    expect(satisfaction.enum).toContain('satisfied');
    expect((satisfaction.enumNames as string[])[(satisfaction.enum as string[]).indexOf('satisfied')]).toBe('满意');
    expect((satisfaction.enumNamesEn as string[])[(satisfaction.enum as string[]).indexOf('satisfied')]).toBe('Satisfied');
  });

  it('gives organisation formats the dialog\u2019s pickers and no blank entries for "at least one" pickers', () => {
    const delegate = index.button('dsp.delegate')!.dialog!;
    expect(dialogSchema(delegate.schema!, delegate.uiSchema, index).uiSchema).toMatchObject({ center: { 'ui:widget': 'lowerCenterPicker' } });
    const assist = index.button('task.applyAssist')!.dialog!;
    const departments = (dialogSchema(assist.schema!, assist.uiSchema, index).schema.properties as Record<string, Record<string, unknown>>).departments!;
    expect(departments.minItems).toBeUndefined();
    expect(assist.schema!.required).toContain('departments');
  });
});

describe('validation errors of a dialog with branches (主协办 / 多部门)', () => {
  it('keeps the chosen branch’s errors and drops the other branch’s value mismatch and the combinator’s own error', () => {
    const assign = index.button('dsp.assign')!.dialog!;
    const filter = branchErrorFilter(assign.schema!);
    const err = (name: string, property: string) => ({ name, property, message: name, stack: name, params: {}, schemaPath: '' });
    const kept = filter([err('enum', '.handling'), err('required', '.main'), err('oneOf', ''), err('required', '.departments'), err('enum', '.unit')], { } as never);
    expect(kept.map((e) => `${e.name}${e.property}`)).toEqual(['required.main', 'required.departments', 'enum.unit']);
  });
});

describe('HND-1/HND-6 hints', () => {
  it('says how many extensions are left from YQ_APPLY_COUNT and the task\u2019s count, and the deadlines it is measured against', () => {
    const hints = dialogHints(index, handlingDetail(), 'task.applyExtension', { kind: 'task', id: 'task-cgj' }, t, 'zh-CN');
    const limit = hints.find((h) => h.testId === 'hint-limit')!;
    expect(limit.type).toBe('info');
    expect(limit.text).toContain('"used":1');
    expect(limit.text).toContain('"limit":2');
    expect(limit.text).toContain('"left":1');
    expect(hints.map((h) => h.testId)).toContain('hint-deadlines');
  });

  it('warns when the limit is used up (GZ_APPLY_COUNT 1)', () => {
    const d = handlingDetail();
    d.tasks[0]!.counts.suspension = 1;
    const limit = dialogHints(index, d, 'task.applySuspension', { kind: 'task', id: 'task-cgj' }, t, 'zh-CN').find((h) => h.testId === 'hint-limit')!;
    expect(limit).toMatchObject({ type: 'warning' });
    expect(limit.text).toContain('"left":0');
  });

  it('shows the reviewer what the extension asks for and the warning when it passes the overall deadline', () => {
    const hints = dialogHints(index, handlingDetail(), 'app.approve', { kind: 'application', id: 'app-ext' }, t, 'zh-CN');
    expect(hints.find((h) => h.testId === 'hint-application')!.text).toContain('需要吊车外运');
    expect(hints.find((h) => h.testId === 'hint-exceeds')).toMatchObject({ type: 'warning', text: 'exceedsOverall' });
  });

  it('has nothing to add for a button that files no counted application, or without the detail', () => {
    expect(dialogHints(index, handlingDetail(), 'task.feedback', { kind: 'task', id: 'task-cgj' }, t, 'zh-CN')).toEqual([]);
    expect(dialogHints(index, undefined, 'task.applyExtension', { kind: 'task', id: 'task-cgj' }, t, 'zh-CN')).toEqual([]);
  });
});
