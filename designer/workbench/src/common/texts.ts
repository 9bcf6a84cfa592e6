import { registerTexts } from '../../../shared/i18n';

registerTexts('display', {
  'zh-CN': {
    sla: { normal: '正常', warning: '预警', overdue: '超期', paused: '暂停', done: '已完成', none: '无时限' },
    due: '截止 {{time}}',
    overall: '总时限',
    stage: '环节时限',
    yes: '是',
    no: '否',
  },
  'en-US': {
    sla: { normal: 'On time', warning: 'Warning', overdue: 'Overdue', paused: 'Paused', done: 'Done', none: 'No limit' },
    due: 'Due {{time}}',
    overall: 'Overall limit',
    stage: 'Stage limit',
    yes: 'Yes',
    no: 'No',
  },
});
