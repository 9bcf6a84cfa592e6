/** Tongguan's pure engine: definitions → bundle → compiled machines and rules → decisions. */
export { createBundle, type CreateBundleResult } from './definitions/createBundle.js';
export type { Bundle, KindTypes, Location, PackageFile, PackageSource } from './definitions/bundleTypes.js';
export { canonicalJson, contentHash } from './definitions/contentHash.js';
export { validateDefinition, schemaOf } from './definitions/schemaValidator.js';
export { compileBundle, type CompiledBundle } from './compile/compileBundle.js';
export { compileFlow, type CompiledFlow, type CompiledTransition, type FlowEvent } from './compile/compileFlow.js';
export { GuardEngine } from './rules/guardEngine.js';
export { autoDispatch, type AutoDispatch } from './dispatch/autoDispatch.js';
export { decide } from './decide/decide.js';
export { progressOf, type Progress } from './decide/progress.js';
export { CENTER_REVIEW_NODES, REVIEW_NODES, reviewChain } from './decide/reviewChain.js';
export type {
  Action, Changes, DecideFailure, DecideResult, DecideSuccess, EntityKind, EntityRef, HistoryEvent, IdSource,
  Recipients, Registration, RuntimeEffect,
} from './decide/types.js';
export type {
  Actor, ApplicationKind, ApplicationState, CenterFrame, DispatchInfo, ReviewStep, TaskRole, TaskState,
  TicketSource, TicketState, TicketWorld, Urgency,
} from './model/state.js';
export { effectRegistry, isKnownEffect } from './effects/registry.js';
export { engineError, engineErrors, type EngineError, type EngineErrorCode } from './errors.js';
export { formatFinding, hasErrors, type Finding } from './findings.js';
export { availableActions, type AvailableAction } from './decide/availableActions.js';
export * from './merge/index.js';
export { maskName, maskPhone } from './privacy/mask.js';
export { redactReporter, reporterVisibility, REPORTER_FIELDS, type ReporterVisibility } from './privacy/reporterView.js';
export { formatTicketNumber, ticketPrefix } from './numbering/ticketNumber.js';
export { mergeForm, ticketFormId, type MergedForm } from './forms/mergeForm.js';
export { validateTicketFields, type FieldError } from './forms/validateFields.js';
export { lintBundle } from './lint/index.js';
export { textSimilarity } from './similarity/textSimilarity.js';
export { recommendDuplicates, recommendHistory, type Recommendation, type TicketText } from './similarity/recommendTickets.js';
export { searchItems, suggestItems, type ItemSuggestion } from './similarity/suggestItems.js';
export { extractCount, extractionOrder, poolEnabled, pooledNodes } from './pool/distribution.js';
export { previewExtension, EXTENSION_WARNING } from './effects/applicationEffects.js';
export { extractTickets } from './pool/extractTickets.js';
export { matchesTab, valueAt, type ListRow, type MatchOptions, type Viewer } from './views/matchesTab.js';
export { actedByActors } from './views/actedByActors.js';
export { mayOpenTab, mayOpenView, visibleTabs } from './views/tabAccess.js';
