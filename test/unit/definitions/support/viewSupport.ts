import { beforeAll, expect } from 'vitest';
import type { ButtonType, Flow, StatusBinding, View, ViewClause, ViewTab } from '../../../../definitions/schemas/index.js';
import { compileBundle, createBundle, formatFinding, type Bundle, type CompiledBundle } from '../../../../engine/index.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../../../../runtime/definitions/readPackage.js';

/**
 * Shared loading and helpers for the tests of the workbench's list views and the 12345 hotline flow
 * variant: the built-in `hotline-12345` bundle (with its dependencies) and lookups into it.
 */

/** The bundle and its compiled form; set by the `beforeAll` hook {@link useHotlineBundle} registers. */
export let bundle: Bundle;
export let cb: CompiledBundle;

/** Registers, in the calling test file, the hook that builds and compiles the built-in bundle. */
export function useHotlineBundle(): void {
  beforeAll(async () => {
    const { bundle: built, findings } = createBundle(await readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`));
    expect(findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
    bundle = built!;
    cb = compileBundle(bundle);
  });
}

export const views = (): View[] => Object.values(bundle.defs.view);
export const viewOf = (id: string): View => {
  const v = bundle.defs.view[id];
  if (!v) throw new Error(`no view ${id}`);
  return v;
};
export const flowOf = (id: string): Flow => bundle.defs.flow[id]!;
export const button = (id: string): ButtonType | undefined => bundle.defs.buttonType[id];
export const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
export const CJK = /[\u4e00-\u9fa5]/;

/** The flows whose node ids a view uses: its own `flow`, else every flow its entity runs on. */
export function flowsFor(view: View): Flow[] {
  if (view.flow) return [flowOf(view.flow)];
  const ticketFlows = unique(Object.values(bundle.defs.domain).map((d) => d.flow)).map(flowOf);
  if (view.entity === 'ticket') return ticketFlows;
  if (view.entity === 'application') return unique(ticketFlows.map((f) => f.applicationFlow ?? '')).map(flowOf);
  const personal = Object.values(bundle.defs.item).flatMap((i) => (i.flow ? [i.flow] : []));
  return unique([...ticketFlows.map((f) => f.taskFlow ?? ''), ...personal]).map(flowOf);
}

/** Node ids a view may name: without its own `flow`, only the nodes every flow of its entity has. */
export function nodesFor(view: View): Set<string> {
  const [first, ...rest] = flowsFor(view).map((f) => new Set(f.nodes.map((n) => n.id)));
  return new Set([...(first ?? [])].filter((n) => rest.every((s) => s.has(n))));
}

export const nodeClauses = (tab: ViewTab): ViewClause[] => (tab.query.where ?? []).filter((c) => c.field === 'node');
export const clauseNodes = (c: ViewClause): string[] => (Array.isArray(c.value) ? (c.value as string[]) : [String(c.value)]);

/** Whether a flow offers the button at the node: a transition from it ('*': any node), never at a final node. */
export function offersAt(flow: Flow, node: string, buttonId: string): boolean {
  const at = flow.nodes.find((n) => n.id === node);
  if (!at || at.final === true) return false;
  return flow.transitions.some((t) => t.button === buttonId && (t.from.includes(node) || t.from.includes('*')));
}

export function bindingRole(flow: string, node: string, kind?: string): string | undefined {
  const all = Object.values(bundle.defs.statusBinding) as StatusBinding[];
  const b = all.find((x) => x.flow === flow && x.node === node && x.applicationKind === kind) ?? all.find((x) => x.flow === flow && x.node === node && !x.applicationKind);
  return b?.handlerType === 'role' ? b.role : undefined;
}

const TICKET_FIELDS = ['id', 'number', 'domain', 'item', 'node', 'center', 'source', 'origin', 'channel', 'reportedAt', 'registeredAt',
  'registeredBy', 'title', 'grid', 'gridWorker', 'urgency', 'difficult', 'callbackWanted', 'confidential', 'dispatch', 'returned',
  'mergedInto', 'fields', 'outcome'];
const TASK_FIELDS = ['id', 'ticket', 'department', 'center', 'role', 'parent', 'node', 'createdAt', 'gridWorker', 'mergedInto'];
const APPLICATION_FIELDS = ['id', 'ticket', 'task', 'kind', 'node', 'applicant', 'chain', 'step', 'payload', 'createdAt', 'decidedAt'];
/** Columns computed by the list service rather than read from state. */
const COMPUTED = ['sla'];

/** Whether a dotted path reads the listed entity (task and application lists may read their ticket/task). */
export function knownPath(entity: View['entity'], path: string): boolean {
  const [root = '', next = '', leaf] = path.split('.');
  if (COMPUTED.includes(path)) return true;
  if (root === 'fields') return next in (bundle.defs.form['form.default']?.schema.properties ?? {});
  if (entity === 'ticket') return TICKET_FIELDS.includes(root);
  if (root === 'ticket' && next) return knownPath('ticket', [next, leaf].filter(Boolean).join('.'));
  if (entity === 'application' && root === 'task' && next) return TASK_FIELDS.includes(next);
  return (entity === 'task' ? TASK_FIELDS : APPLICATION_FIELDS).includes(root);
}
