import type { ListTab } from './types';

/**
 * The tabs of a list screen for the roles the user works as (REV-2: 协办审核's 待审核 is the reviewer's,
 * 待值班长审核 the shift leader's): the server sends only the tabs of the user's roles, and the header's
 * role switch narrows them further. A tab without roles (an older server) is for everyone; when the
 * chosen role has no tab here, every tab the server sent is shown.
 */
export function tabsFor<T extends Pick<ListTab, 'key' | 'roles'>>(view: { tabs: readonly T[] }, roles: readonly string[]): T[] {
  const own = view.tabs.filter((x) => !x.roles?.length || x.roles.some((r) => roles.includes(r)));
  return own.length > 0 ? own : [...view.tabs];
}
