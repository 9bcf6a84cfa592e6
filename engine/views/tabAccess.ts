import type { View, ViewTab } from '../../definitions/schemas/index.js';

/** Whether a user holding `roles` may open the view: one of the view's roles and at least one tab for them. */
export function mayOpenView(view: View, roles: readonly string[]): boolean {
  return view.roles.some((r) => roles.includes(r)) && view.tabs.some((t) => mayOpenTab(view, t, roles));
}

/**
 * Whether the tab is shown to a user holding `roles`: a tab with its own `roles` (REV-2: 待审核 is the
 * reviewer's, 待值班长审核 the shift leader's) only to holders of one of them, else to every holder of
 * one of the view's roles. The workbench shows no button its user may not press.
 */
export function mayOpenTab(view: View, tab: ViewTab, roles: readonly string[]): boolean {
  return (tab.roles ?? view.roles).some((r) => view.roles.includes(r) && roles.includes(r));
}

/** The view's tabs a user holding `roles` sees, in the view's order. */
export function visibleTabs(view: View, roles: readonly string[]): ViewTab[] {
  return view.tabs.filter((t) => mayOpenTab(view, t, roles));
}
