import { registerTexts } from '../../../shared/i18n';

/** 消息中心 sentences: the server stores what a message is about; these say it in the UI language. */
registerTexts('messages', {
  'zh-CN': {
    application: { assist: '协办', extension: '延期', suspension: '挂账', transfer: '转派', return: '退回', result: '办结' },
    subject: {
      urge: '{{ticket}}',
      notice: '{{ticket}}',
      returned: '工单被退回 {{ticket}}',
      toReview: '{{application}}申请待审核 {{ticket}}',
      toReviewAny: '申请待审核 {{ticket}}',
      rejected: '{{application}}申请未通过 {{ticket}}',
      rejectedAny: '申请未通过 {{ticket}}',
    },
  },
  'en-US': {
    application: { assist: 'Assistance', extension: 'Extension', suspension: 'Suspension', transfer: 'Transfer', return: 'Return', result: 'Completion' },
    subject: {
      urge: '{{ticket}}',
      notice: '{{ticket}}',
      returned: 'Ticket returned: {{ticket}}',
      toReview: '{{application}} application to review: {{ticket}}',
      toReviewAny: 'Application to review: {{ticket}}',
      rejected: '{{application}} application not approved: {{ticket}}',
      rejectedAny: 'Application not approved: {{ticket}}',
    },
  },
});
