import type { DepartmentLevel } from '../../definitions/schemas/organisation.js';

/** Administrative level order, top first (ORG-1). */
export const LevelRank = { province: 0, city: 1, county: 2, town: 3, village: 4 } as const satisfies Record<DepartmentLevel, number>;

/** Levels by rank, top first. */
export const LevelsByRank: readonly DepartmentLevel[] = ['province', 'city', 'county', 'town', 'village'];
