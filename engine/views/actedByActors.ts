import type { View, ViewTab } from '../../definitions/schemas/index.js';
import type { OrgIndex } from '../org/buildOrgIndex.js';
import { holdersOfRoleAt } from '../org/usersWithRole.js';
import type { Viewer } from './matchesTab.js';

/**
 * Whose actions an `actedBy` tab counts for a viewer: the viewer alone, or, when the viewer holds one
 * of the tab's `everyoneFor` roles, every holder of the view's roles at the viewer's center (DSP-3: a
 * shift leader holding the dispatcher role sees every dispatcher's 已分拨).
 */
export function actedByActors(org: OrgIndex, view: View, tab: ViewTab, viewer: Viewer): readonly string[] {
  const wide = tab.query.scope === 'actedBy' && viewer.center && tab.query.everyoneFor?.some((r) => viewer.roles?.includes(r));
  if (!wide || !viewer.center) return [viewer.user];
  const peers = view.roles.flatMap((role) => holdersOfRoleAt(org, viewer.center!, role).map((u) => u.id));
  return [...new Set([viewer.user, ...peers])];
}
