import type { Form } from '../../definitions/schemas/index.js';
import type { LintContext } from './lintContext.js';

/**
 * The chain of forms a form extends, nearest first; stops at an unknown base or a repeat. `cycle`
 * is true when the chain comes back to the form itself (a form that merely leads into someone
 * else's cycle is not reported for it).
 */
export function formBases(forms: Readonly<Record<string, Form>>, id: string): { bases: string[]; cycle: boolean } {
  const bases: string[] = [];
  let next = forms[id]?.extends;
  while (next !== undefined && forms[next] && next !== id && !bases.includes(next)) {
    bases.push(next);
    next = forms[next]?.extends;
  }
  return { bases, cycle: next === id };
}

/**
 * Forms (DEF-14): an `extends` chain must end at a base form (LINT_FORM_EXTENDS_CYCLE); an unknown
 * base is reported by checkReferences. An item's personalised form should extend the form of one of
 * its domains (DEF-3), or the item's fields would lose the domain's.
 */
export function checkForms(ctx: LintContext): void {
  const forms = ctx.defs.form;
  for (const form of Object.values(forms)) {
    const { bases, cycle } = formBases(forms, form.id);
    if (cycle) {
      ctx.report('LINT_FORM_EXTENDS_CYCLE', 'form', form.id, ['extends'], { form: form.id, cycle: [form.id, ...bases, form.id] });
    }
  }
  for (const item of Object.values(ctx.defs.item)) {
    if (item.form === undefined || !forms[item.form]) continue;
    const { bases } = formBases(forms, item.form);
    const lineage = new Set([item.form, ...bases]);
    const domainForms = item.domains.map((d) => ctx.defs.domain[d.domain]?.form).filter((f): f is string => f !== undefined && forms[f] !== undefined);
    if (domainForms.length > 0 && !domainForms.some((f) => lineage.has(f))) {
      ctx.report('LINT_ITEM_FORM_NOT_EXTENDING', 'item', item.id, ['form'],
        { form: item.form, item: item.id, domainForms });
    }
  }
}
