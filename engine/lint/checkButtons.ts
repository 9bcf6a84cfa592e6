import type { LintContext } from './lintContext.js';

/** Button ids used anywhere: flow transitions and view row, batch and toolbar buttons. */
export function usedButtons(ctx: LintContext): Set<string> {
  const used = new Set<string>();
  for (const flow of Object.values(ctx.defs.flow)) {
    for (const t of flow.transitions) if (t.button !== undefined) used.add(t.button);
  }
  for (const view of Object.values(ctx.defs.view)) {
    for (const id of view.toolbarButtons ?? []) used.add(id);
    for (const tab of view.tabs) for (const id of [...tab.rowButtons, ...(tab.batchButtons ?? [])]) used.add(id);
  }
  return used;
}

/**
 * Button types (DEF-10) nothing uses (LINT_BUTTON_UNUSED, info). Unknown and disabled groups and
 * unknown button ids are reported by checkReferences (LINT_UNKNOWN_REFERENCE, LINT_UNKNOWN_BUTTON).
 */
export function checkButtons(ctx: LintContext): void {
  const used = usedButtons(ctx);
  for (const button of Object.values(ctx.defs.buttonType)) {
    if (!used.has(button.id)) {
      ctx.report('LINT_BUTTON_UNUSED', 'buttonType', button.id, [], { button: button.id, name: button.name });
    }
  }
}
