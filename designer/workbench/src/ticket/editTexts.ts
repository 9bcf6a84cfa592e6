import { registerTexts } from '../../../shared/i18n';

registerTexts('ticketEdit', {
  'zh-CN': {
    hint: '修改登记信息后保存，每处修改都会记入修改记录（编辑页、处理页、详情页可见）。',
    save: '修改',
    nothing: '未修改任何字段',
    saved: '已修改 {{count}} 个字段',
    noForm: '找不到该工单的表单，无法编辑',
  },
  'en-US': {
    hint: 'Change the registered data and save: every change is kept in the change records (shown on the edit, handling and detail pages).',
    save: 'Save changes',
    nothing: 'Nothing was changed',
    saved: '{{count}} field(s) changed',
    noForm: 'The ticket\'s form was not found; it cannot be edited',
  },
});
