/** Bundle lint (DESIGN principle 3; STYLE 5: findings are data). */
export { lintBundle, lintChecks, sortFindings } from './lintBundle.js';
export { isLintCode, lintCodes, type LintCode, type LintSeverity } from './lintCodes.js';
export { referencesOf, type FoundReference } from './checkReferences.js';
export { requiredNodes, entryNodes } from './flowGraph.js';
export { requiredSystemParameters } from './checkSystemParameters.js';
