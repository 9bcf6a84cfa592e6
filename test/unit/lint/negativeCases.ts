import type { LintCode } from '../../../engine/lint/index.js';
import type { MutableBundle } from './lintSupport.js';

/** One broken copy of the linkage bundle per lint code. */
export interface NegativeCase {
  readonly code: LintCode;
  /** Which seed feature or design rule the finding protects, for the test title. */
  readonly title: string;
  /** Breaks a copy of the linkage bundle and returns where the finding must point (`file#pointer`). */
  readonly breakIt: (b: MutableBundle) => string;
  /** Other codes the change legitimately causes as well (everything else new is a test failure). */
  readonly also?: readonly string[];
}
