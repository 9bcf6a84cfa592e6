import { registerTexts } from '../../../shared/i18n';

registerTexts('actions', {
  'zh-CN': { opinion: '意见', opinionRequired: '请填写{{label}}', done: '{{name}}：已完成', batchDone: '{{name}}：成功 {{ok}} 件，失败 {{failed}} 件', failed: '{{name}}失败：{{message}}' },
  'en-US': { opinion: 'Opinion', opinionRequired: 'Please enter the {{label}}', done: '{{name}}: done', batchDone: '{{name}}: {{ok}} done, {{failed}} failed', failed: '{{name}} failed: {{message}}' },
});
