import type { Department } from '../../definitions/schemas/organisation.js';
import type { OrgIndex } from './buildOrgIndex.js';
import { isCenter } from './centerOf.js';

/**
 * The chain of centers from a center up to the top, the center itself first:
 * 凤凰镇 → 张家港市 → 苏州市. Empty when the department is not a center.
 */
export function escalationChain(org: OrgIndex, centerId: string): Department[] {
  if (!isCenter(org, centerId)) return [];
  const chain: Department[] = [];
  for (let at: string | undefined = centerId; at !== undefined; at = org.upperCenterOf.get(at)) {
    chain.push(org.departments.get(at) as Department);
  }
  return chain;
}

/** True when `upperId` is a center somewhere above center `lowerId` in its escalation chain. */
export function isAboveCenter(org: OrgIndex, upperId: string, lowerId: string): boolean {
  return escalationChain(org, lowerId).slice(1).some((c) => c.id === upperId);
}
