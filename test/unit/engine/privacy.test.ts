import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, redactReporter, reporterVisibility } from '../../../engine/index.js';

const fields = { reporterName: '测试人员甲', reporterPhone: '13812345678', reporterGender: '男', reporterAddress: '凤凰镇', title: '暴露垃圾' };
const trail = [{ center: 'zjg', via: 'register' as const, at: 0 }];

describe('X-3 reporter privacy', () => {
  it('X-3 lists mask names and phones like the seed (测*****, t**)', () => {
    expect(maskName('测试人员甲')).toBe('测****');
    expect(maskName('tom')).toBe('t**');
    expect(maskName('王')).toBe('王*');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(redactReporter(fields, 'masked')).toEqual({ reporterName: '测****', reporterPhone: '138****5678', reporterGender: '男', title: '暴露垃圾' });
  });

  it('X-3 a confidential ticket hides the reporter from handling units but not from its centers', () => {
    expect(reporterVisibility({ confidential: true, trail }, { inList: false })).toBe('hidden');
    expect(reporterVisibility({ confidential: true, trail }, { center: 'zjg', inList: false })).toBe('full');
    expect(reporterVisibility({ confidential: false, trail }, { inList: false })).toBe('masked');
    expect(reporterVisibility({ confidential: false, trail }, { center: 'zjg', inList: true })).toBe('masked');
    expect(redactReporter(fields, 'hidden')).toEqual({ title: '暴露垃圾' });
  });
});
