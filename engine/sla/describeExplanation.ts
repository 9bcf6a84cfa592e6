import type { Explanation, ExplanationLocale, ExplanationParam, ExplanationStep } from './explanation.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './localTime.js';

type Params = ExplanationStep['params'];

const UNITS: Record<ExplanationLocale, Record<string, [string, string]>> = {
  'zh-CN': {
    workDay: ['个工作日', '个工作日'],
    workHour: ['个工作小时', '个工作小时'],
    naturalDay: ['个自然日', '个自然日'],
    naturalHour: ['个自然小时', '个自然小时'],
  },
  'en-US': {
    workDay: ['working day', 'working days'],
    workHour: ['working hour', 'working hours'],
    naturalDay: ['natural day', 'natural days'],
    naturalHour: ['natural hour', 'natural hours'],
  },
};

const URGENCY: Record<ExplanationLocale, Record<string, string>> = {
  'zh-CN': { normal: '一般', urgent: '紧急', veryUrgent: '非常紧急' },
  'en-US': { normal: 'normal', urgent: 'urgent', veryUrgent: 'very urgent' },
};

const str = (value: ExplanationParam | undefined): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
const list = (value: ExplanationParam | undefined): readonly string[] =>
  Array.isArray(value) ? (value as readonly string[]) : value === undefined ? [] : [String(value)];

function amountText(locale: ExplanationLocale, params: Params): string {
  const amount = Number(params.amount);
  const [one, many] = UNITS[locale][str(params.unit)] ?? [str(params.unit), str(params.unit)];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** A duration in ms as `2小时30分` / `2 h 30 min`; natural durations of a day or more also show days. */
export function formatDuration(ms: number, locale: ExplanationLocale, kind: string = 'working'): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / MS_PER_MINUTE) * MS_PER_MINUTE;
  const days = kind === 'natural' ? Math.floor(rest / MS_PER_DAY) : 0;
  rest -= days * MS_PER_DAY;
  const hours = Math.floor(rest / MS_PER_HOUR);
  const minutes = Math.round((rest - hours * MS_PER_HOUR) / MS_PER_MINUTE);
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (days) parts.push(zh ? `${days}天` : `${days} d`);
  if (hours) parts.push(zh ? `${hours}小时` : `${hours} h`);
  if (minutes || parts.length === 0) parts.push(zh ? `${minutes}分钟` : `${minutes} min`);
  return sign + parts.join(zh ? '' : ' ');
}

const range = (params: Params, joiner: string): string =>
  params.from === params.to ? str(params.from) : `${str(params.from)}${joiner}${str(params.to)}`;

function zh(step: ExplanationStep): string {
  const p = step.params;
  switch (step.code) {
    case 'limit': return `时限 ${amountText('zh-CN', p)}`;
    case 'urgency': return `紧急程度为“${URGENCY['zh-CN'][str(p.urgency)]}”，采用其时限 ${amountText('zh-CN', p)}`;
    case 'urgencyNotConfigured': return `紧急程度为“${URGENCY['zh-CN'][str(p.urgency)]}”，未配置其时限，采用一般时限 ${amountText('zh-CN', p)}`;
    case 'defaultWarning': return `未设置预警提前量，剩余 ${formatDuration(Number(p.amountMs), 'zh-CN', str(p.kind))}（时限的四分之一）时开始预警`;
    case 'start': return `${str(p.at)} 开始计时`;
    case 'reentryReset': return `${str(p.at)} 重新进入，单次耗时重新计时`;
    case 'reentryContinue': return `${str(p.at)} 重新进入，累计耗时继续计时（已用 ${formatDuration(Number(p.consumedMs), 'zh-CN', str(p.kind))}）`;
    case 'exit': return `${str(p.at)} 离开，停止计时`;
    case 'pause': return `${str(p.at)} 挂账，暂停计时`;
    case 'resume': return `${str(p.at)} 取消挂账，恢复计时（暂停 ${formatDuration(Number(p.pausedMs), 'zh-CN', 'natural')}，不计入耗时）`;
    case 'extension': return `${str(p.at)} 延期 ${amountText('zh-CN', p)}`;
    case 'outsideWorkingHours': return `${str(p.from)} 为非工作时间，自 ${str(p.to)} 起计时`;
    case 'skipWeekend': return `${range(p, ' 至 ')} 周末休息，顺延`;
    case 'skipHoliday': return `${range(p, ' 至 ')} ${list(p.names).join('、')}休息，顺延`;
    case 'lunchBreak': return `${str(p.from)}-${str(p.to)} 午休不计时${Number(p.times) > 1 ? `（${str(p.times)} 次）` : ''}`;
    case 'makeupWorkday': return `${str(p.date)} ${str(p.name)}调休上班，计入工作时间`;
    case 'warnFrom': return `${str(p.at)} 起预警`;
    case 'due': return p.projected ? `预计 ${str(p.at)} 到期` : `${str(p.at)} 到期`;
    case 'extensionExceedsOverall': return `该部门延期后时间将大于事件到期时间（延期后 ${str(p.stageDueAt)}，事件到期 ${str(p.overallDueAt)}）`;
  }
}

function en(step: ExplanationStep): string {
  const p = step.params;
  switch (step.code) {
    case 'limit': return `Limit: ${amountText('en-US', p)}`;
    case 'urgency': return `Urgency "${URGENCY['en-US'][str(p.urgency)]}": its limit of ${amountText('en-US', p)} applies`;
    case 'urgencyNotConfigured': return `Urgency "${URGENCY['en-US'][str(p.urgency)]}" has no limit of its own: the ordinary ${amountText('en-US', p)} apply`;
    case 'defaultWarning': return `No warning threshold set: warning starts when ${formatDuration(Number(p.amountMs), 'en-US', str(p.kind))} remain (a quarter of the limit)`;
    case 'start': return `${str(p.at)} clock started`;
    case 'reentryReset': return `${str(p.at)} re-entered: single metering restarts the limit`;
    case 'reentryContinue': return `${str(p.at)} re-entered: cumulative metering continues (${formatDuration(Number(p.consumedMs), 'en-US', str(p.kind))} used)`;
    case 'exit': return `${str(p.at)} left: clock stopped`;
    case 'pause': return `${str(p.at)} suspended: clock paused`;
    case 'resume': return `${str(p.at)} suspension ended: clock resumed (${formatDuration(Number(p.pausedMs), 'en-US', 'natural')} paused, not counted)`;
    case 'extension': return `${str(p.at)} extended by ${amountText('en-US', p)}`;
    case 'outsideWorkingHours': return `${str(p.from)} is outside working hours: counting starts ${str(p.to)}`;
    case 'skipWeekend': return `${range(p, ' to ')} weekend: postponed`;
    case 'skipHoliday': return `${range(p, ' to ')} ${list(p.namesEn).join(', ')} holiday: postponed`;
    case 'lunchBreak': return `${str(p.from)}-${str(p.to)} lunch break not counted${Number(p.times) > 1 ? ` (${str(p.times)} times)` : ''}`;
    case 'makeupWorkday': return `${str(p.date)} make-up workday (${str(p.nameEn)}): counted as working time`;
    case 'warnFrom': return `Warning from ${str(p.at)}`;
    case 'due': return p.projected ? `Due ${str(p.at)} (projected)` : `Due ${str(p.at)}`;
    case 'extensionExceedsOverall': return `After the extension this department's deadline (${str(p.stageDueAt)}) is later than the ticket's deadline (${str(p.overallDueAt)})`;
  }
}

/** One step as text. */
export function describeStep(step: ExplanationStep, locale: ExplanationLocale): string {
  return locale === 'zh-CN' ? zh(step) : en(step);
}

/** The whole explanation as text, one step per line. */
export function describeExplanation(explanation: Explanation, locale: ExplanationLocale): string {
  return explanation.map((step) => describeStep(step, locale)).join('\n');
}
