/** Organisation (SPEC ORG-1..4, X-3, X-8): a pure index over departments, grids, users and roles. */
export {
  buildOrgIndex,
  type BoundingBox,
  type OrgDefinitions,
  type OrgIndex,
  type OrgIndexResult,
} from './buildOrgIndex.js';
export { checkOrg } from './checkOrg.js';
export {
  allCenters,
  centerLevel,
  centerOf,
  centersWithin,
  isCenter,
  isCenterDepartment,
  lowerCenters,
  upperCenter,
  type CenterLevel,
} from './centerOf.js';
export { communitiesWithin, communityOf, gridsOf, isCommunity } from './communityOf.js';
export { canSee, dataScopeOf, type DataScope, type ScopedRecord } from './dataScope.js';
export {
  ancestorsOf,
  childrenOf,
  departmentOf,
  departmentPath,
  departmentPathName,
  DepartmentPathSeparator,
  descendantsOf,
  isWithin,
  parentOf,
} from './departmentPath.js';
export { escalationChain, isAboveCenter } from './escalationChain.js';
export { LevelRank, LevelsByRank } from './levelRank.js';
export { allSubUnits, isUnit, memberUnits, parentUnitWithinCenter, subUnits } from './memberUnits.js';
export {
  hasOrgErrors,
  orgFinding,
  OrgFindingCodes,
  type OrgFinding,
  type OrgFindingCode,
  type OrgFindingSeverity,
} from './orgFinding.js';
export {
  inferDepartmentShape,
  planDepartmentPath,
  planDepartmentPaths,
  splitDepartmentPath,
  type DepartmentPathOptions,
  type DepartmentPathPlan,
  type DepartmentPathsPlan,
  type DepartmentShape,
  type NewDepartmentDraft,
} from './planDepartmentPath.js';
export { pointInPolygon, type LngLat } from './pointInPolygon.js';
export { resolveGrid, type GridQuery, type GridResolution } from './resolveGrid.js';
export { CenterRoleIds, RoleIds, type RoleId } from './roleIds.js';
export {
  holdersOfRoleAt,
  rolesNobodyHolds,
  userByLogin,
  userHasRole,
  usersOfDepartment,
  usersWithRole,
  type UserQueryOptions,
} from './usersWithRole.js';
