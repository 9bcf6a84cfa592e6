import type { MeView } from '../../../shared/auth/AuthContext';
import { actingRoles } from '../lists/listButtons';
import { tabsFor } from '../lists/tabsFor';
import type { ListTab } from '../lists/types';

export interface ViewSummary {
  id: string; module: string; name: string; nameEn: string | null;
  tabs: Pick<ListTab, 'key' | 'name' | 'nameEn' | 'count' | 'roles'>[];
}

/**
 * What the home page lists for the role chosen in the header ('' = all the user's roles), as the menu
 * and the list screens narrow: the views the menu offers for that role (the views of /api/me that name
 * it), each with the tabs the list screen would show, grouped by module in the menu's order.
 */
export function homeViews<V extends ViewSummary>(views: readonly V[], menu: readonly Pick<MeView, 'id' | 'roles'>[], userRoles: readonly string[], role: string, moduleOrder: readonly string[]): { module: string; views: V[] }[] {
  const roles = actingRoles(userRoles, role);
  const opens = (v: V) => {
    if (!role) return true;
    const entry = menu.find((m) => m.id === v.id);
    // a view the menu does not know (an older server): it opens for the role when one of its tabs is for it
    return entry ? entry.roles.includes(role) : v.tabs.some((x) => !x.roles?.length || x.roles.includes(role));
  };
  const shown = views.filter(opens).map((v) => ({ ...v, tabs: tabsFor(v, roles) }));
  const rank = (m: string) => (moduleOrder.includes(m) ? moduleOrder.indexOf(m) : moduleOrder.length);
  const modules = [...new Set(shown.map((v) => v.module))].sort((a, b) => rank(a) - rank(b));
  return modules.map((module) => ({ module, views: shown.filter((v) => v.module === module) }));
}
