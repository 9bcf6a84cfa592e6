import type { ButtonGroup, ButtonType } from '../../../../definitions/schemas/button';
import type { Lang } from '../../../shared/i18n';
import type { AvailableAction, EngineReason } from './types';

/**
 * Refusals that are about who the user is (role, scope, another node): the button is not theirs,
 * so it is not shown at all. Every other refusal (a rule, a count limit, a merged follower) is about
 * the ticket's state: the button shows disabled with its reason, so users learn why they cannot.
 */
const NOT_MINE = new Set(['ENG_FORBIDDEN_ROLE', 'ENG_OUT_OF_SCOPE', 'ENG_NOT_AVAILABLE', 'ENG_BUTTON_DISABLED', 'ENG_UNKNOWN_BUTTON']);

export interface ShownButton {
  button: string;
  group: string;
  order: number;
  allowed: boolean;
  reason?: EngineReason;
}

export interface ShownGroup {
  group: string;
  buttons: ShownButton[];
}

/**
 * The buttons a detail shows for one entity: enabled action buttons (front-end method `action`)
 * the engine offers, allowed ones and those refused by the ticket's state, grouped by button group
 * in the groups' order and ordered inside a group by the button's order.
 */
export function groupButtons(actions: readonly AvailableAction[] | undefined, buttonTypes: (id: string) => ButtonType | undefined, groups: readonly ButtonGroup[]): ShownGroup[] {
  const groupOrder = new Map(groups.map((g, i) => [g.id, g.order ?? i]));
  const shown = (actions ?? []).flatMap((a): ShownButton[] => {
    const type = buttonTypes(a.button);
    if (!type || type.method !== 'action') return [];
    if (!a.allowed && (!a.reason || NOT_MINE.has(a.reason.code))) return [];
    return [{ button: a.button, group: type.group, order: type.order ?? a.order, allowed: a.allowed, ...(a.reason ? { reason: a.reason } : {}) }];
  });
  const byGroup = new Map<string, ShownButton[]>();
  for (const b of shown) byGroup.set(b.group, [...(byGroup.get(b.group) ?? []), b]);
  return [...byGroup.entries()]
    .sort(([a], [b]) => (groupOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (groupOrder.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b))
    .map(([group, buttons]) => ({ group, buttons: buttons.sort((x, y) => x.order - y.order) }));
}

/** Why a button is not available, in the UI language: the rule's own reason where the engine names one. */
export function reasonText(reason: EngineReason | undefined, lang: Lang): string {
  if (!reason) return '';
  const params = reason.params ?? {};
  if (reason.code === 'ENG_RULE_REFUSED') {
    const localized = lang === 'en-US' ? params.reasonEn : params.reason;
    if (localized) return String(localized);
  }
  return lang === 'en-US' ? reason.message : reason.messageZh || reason.message;
}
