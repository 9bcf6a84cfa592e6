import { describe, expect, it } from 'vitest';
import { openTaskDepartments, wantsOpenTaskDepartments } from '../../../designer/workbench/src/actions/takenDepartments';
import { handlingDetail } from '../ticket/fixtures';

describe('DSP-3 加派: departments already handling the ticket', () => {
  it('are those holding a task that is not closed (approved, returned, transferred, withdrawn), each once', () => {
    const detail = handlingDetail();
    const base = detail.tasks[0]!;
    const tasks = [
      { ...base, id: 'a', department: 'zjg.cgj', node: 'pending' },
      { ...base, id: 'b', department: 'zjg.sthj', node: 'completed' },
      { ...base, id: 'c', department: 'zjg.swj', node: 'returned' },
      { ...base, id: 'd', department: 'zjg.zjj', node: 'transferred' },
      { ...base, id: 'e', department: 'zjg.jtj', node: 'approved' },
      { ...base, id: 'f', department: 'zjg.cgj', node: 'suspended' },
    ];
    expect(openTaskDepartments({ tasks })).toEqual(['zjg.cgj', 'zjg.sthj']);
  });

  it('are asked for by a picker\u2019s ui:options.taken, also inside a nested uiSchema', () => {
    expect(wantsOpenTaskDepartments({ main: { 'ui:widget': 'departmentPicker', 'ui:options': { taken: 'openTasks' } } })).toBe(true);
    expect(wantsOpenTaskDepartments({ group: { main: { 'ui:options': { taken: 'openTasks' } } } })).toBe(true);
    expect(wantsOpenTaskDepartments({ main: { 'ui:widget': 'departmentPicker' } })).toBe(false);
    expect(wantsOpenTaskDepartments(undefined)).toBe(false);
  });
});
